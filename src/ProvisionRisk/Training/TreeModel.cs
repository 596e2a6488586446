using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>A FastTree binary model on a dense feature vector; scores are raw (calibrated separately).</summary>
internal sealed class TreeModel
{
    private readonly MLContext ml;
    private readonly ITransformer transformer;
    private readonly DataViewSchema schema;

    private TreeModel(MLContext ml, ITransformer transformer, DataViewSchema schema, int featureCount)
    {
        this.ml = ml;
        this.transformer = transformer;
        this.schema = schema;
        FeatureCount = featureCount;
    }

    public int FeatureCount { get; }

    public static TreeModel Fit(MLContext ml, IReadOnlyList<VBuffer<float>> features, IReadOnlyList<bool> labels, int seed, int trees, int leaves, int minimumLeafSize)
    {
        var count = features[0].Length;
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        float wPos = positives == 0 ? 1 : (float)labels.Count / (2 * positives);
        float wNeg = negatives == 0 ? 1 : (float)labels.Count / (2 * negatives);
        var rows = features.Select((f, i) => new TreeRow { Features = f, Label = labels[i], Weight = labels[i] ? wPos : wNeg }).ToList();
        var view = ml.Data.LoadFromEnumerable(rows, Definition(count));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            FeatureColumnName = nameof(TreeRow.Features),
            LabelColumnName = nameof(TreeRow.Label),
            ExampleWeightColumnName = nameof(TreeRow.Weight),
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minimumLeafSize,
            LearningRate = 0.1,
            Shrinkage = 1,
            NumberOfThreads = 1,
            Seed = seed,
            FeatureFirstUsePenalty = 0,
        });
        var model = trainer.Fit(view);
        return new TreeModel(ml, model, view.Schema, count);
    }

    public static TreeModel Load(MLContext ml, Stream stream)
    {
        var transformer = ml.Model.Load(stream, out var schema);
        var size = ((VectorDataViewType)schema[nameof(TreeRow.Features)].Type).Size;
        return new TreeModel(ml, transformer, schema, size);
    }

    public void Save(Stream stream) => ml.Model.Save(transformer, schema, stream);

    /// <summary>Raw scores for a batch, in one pass through the model.</summary>
    public double[] Score(IReadOnlyList<VBuffer<float>> features)
    {
        var rows = features.Select(f => new TreeRow { Features = f }).ToList();
        var view = transformer.Transform(ml.Data.LoadFromEnumerable(rows, Definition(FeatureCount)));
        var result = new double[rows.Count];
        using var cursor = view.GetRowCursor([view.Schema["Score"]]);
        var getter = cursor.GetGetter<float>(view.Schema["Score"]);
        var i = 0;
        while (cursor.MoveNext())
        {
            float s = 0;
            getter(ref s);
            result[i++] = s;
        }

        return result;
    }

    private static SchemaDefinition Definition(int count) => VectorSchema.For<TreeRow>(nameof(TreeRow.Features), count);

    private sealed class TreeRow
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}
