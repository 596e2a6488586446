using System.Text;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// A FastTree binary model on a dense feature vector; scores are raw (calibrated separately). ML.NET grows the trees;
/// they are then copied into flat arrays and evaluated here, so scoring allocates nothing and needs no ML.NET pipeline.
/// </summary>
internal sealed class TreeModel
{
    private const int FormatMagic = 0x45525450; // "PTRE"
    private const int FormatVersion = 1;

    private readonly Tree[] trees;
    private readonly double bias;
    private readonly Func<IReadOnlyList<VBuffer<float>>, double[]>? reference;

    private TreeModel(Tree[] trees, double bias, int featureCount, Func<IReadOnlyList<VBuffer<float>>, double[]>? reference = null)
    {
        this.trees = trees;
        this.bias = bias;
        this.reference = reference;
        FeatureCount = featureCount;
        foreach (var tree in trees)
        {
            tree.Check(featureCount);
        }
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
        var transformer = trainer.Fit(view);
        var ensemble = ((CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>)transformer.Model).SubModel.TrainedTreeEnsemble;
        var copied = ensemble.Trees.Select((t, i) => Tree.From(t, ensemble.TreeWeights[i])).ToArray();
        return new TreeModel(copied, ensemble.Bias, count, batch => EngineScores(ml, transformer, batch, count));
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The content is not a tree model of this format, or is inconsistent.</exception>
    public static TreeModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadInt32() != FormatMagic || r.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("not a ProvisionRisk tree model of a known version");
            }

            var featureCount = r.ReadInt32();
            var bias = r.ReadDouble();
            var count = r.ReadInt32();
            if (count is < 0 or > 100_000 || featureCount is < 0 or > 100_000_000)
            {
                throw new InvalidDataException($"the tree model declares {count} trees over {featureCount} features");
            }

            var trees = new Tree[count];
            for (var t = 0; t < count; t++)
            {
                trees[t] = Tree.Read(r);
            }

            return new TreeModel(trees, bias, featureCount);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the tree model is truncated", e);
        }
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(FormatMagic);
        w.Write(FormatVersion);
        w.Write(FeatureCount);
        w.Write(bias);
        w.Write(trees.Length);
        foreach (var tree in trees)
        {
            tree.Write(w);
        }
    }

    /// <summary>Raw scores for a batch.</summary>
    public double[] Score(IReadOnlyList<VBuffer<float>> features)
    {
        var result = new double[features.Count];
        var dense = new float[FeatureCount];
        for (var i = 0; i < features.Count; i++)
        {
            features[i].CopyTo(dense);
            result[i] = Score(dense);
        }

        return result;
    }

    /// <summary>The raw score of one dense feature vector.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        var sum = 0.0;
        foreach (var tree in trees)
        {
            sum += tree.Evaluate(features);
        }

        return sum + bias;
    }

    /// <summary>The scores ML.NET's own prediction pipeline gives for a batch; only for a model fitted in this
    /// process (used to check that the copied trees score identically).</summary>
    internal double[] ReferenceScores(IReadOnlyList<VBuffer<float>> features) =>
        (reference ?? throw new InvalidOperationException("only a freshly fitted model keeps its ML.NET pipeline"))(features);

    private static double[] EngineScores(MLContext ml, ITransformer transformer, IReadOnlyList<VBuffer<float>> features, int count)
    {
        var rows = features.Select(f => new TreeRow { Features = f }).ToList();
        var view = transformer.Transform(ml.Data.LoadFromEnumerable(rows, Definition(count)));
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

    /// <summary>One regression tree: node i goes to <c>Left[i]</c> when feature <c>Feature[i]</c> ≤ <c>Threshold[i]</c>,
    /// else to <c>Right[i]</c>; a negative child c is leaf ~c.</summary>
    private sealed class Tree(int[] feature, float[] threshold, int[] left, int[] right, double[] leaves, double weight)
    {
        public static Tree From(RegressionTree tree, double weight)
        {
            if (tree.CategoricalSplitFlags.Any(c => c))
            {
                throw new NotSupportedException("categorical splits are not used by ProvisionRisk's tree models");
            }

            return new Tree([.. tree.NumericalSplitFeatureIndexes], [.. tree.NumericalSplitThresholds], [.. tree.LeftChild], [.. tree.RightChild],
                [.. tree.LeafValues], weight);
        }

        public static Tree Read(BinaryReader r)
        {
            var nodes = r.ReadInt32();
            var leafCount = r.ReadInt32();
            if (nodes is < 0 or > 1_000_000 || leafCount is < 1 or > 1_000_001)
            {
                throw new InvalidDataException($"a tree declares {nodes} nodes and {leafCount} leaves");
            }

            var feature = new int[nodes];
            var threshold = new float[nodes];
            var left = new int[nodes];
            var right = new int[nodes];
            for (var i = 0; i < nodes; i++)
            {
                feature[i] = r.ReadInt32();
                threshold[i] = r.ReadSingle();
                left[i] = r.ReadInt32();
                right[i] = r.ReadInt32();
            }

            var leaves = new double[leafCount];
            for (var i = 0; i < leafCount; i++)
            {
                leaves[i] = r.ReadDouble();
            }

            return new Tree(feature, threshold, left, right, leaves, r.ReadDouble());
        }

        public void Write(BinaryWriter w)
        {
            w.Write(feature.Length);
            w.Write(leaves.Length);
            for (var i = 0; i < feature.Length; i++)
            {
                w.Write(feature[i]);
                w.Write(threshold[i]);
                w.Write(left[i]);
                w.Write(right[i]);
            }

            foreach (var v in leaves)
            {
                w.Write(v);
            }

            w.Write(weight);
        }

        /// <summary>Checks that every split reads an existing feature and every child exists, and that walking the
        /// tree always ends at a leaf (children point forward).</summary>
        public void Check(int featureCount)
        {
            for (var i = 0; i < feature.Length; i++)
            {
                if (feature[i] < 0 || feature[i] >= featureCount || !Child(left[i], i) || !Child(right[i], i))
                {
                    throw new InvalidDataException($"tree node {i} is inconsistent with a model of {featureCount} features");
                }
            }

            if (feature.Length == 0 && leaves.Length != 1)
            {
                throw new InvalidDataException("a tree without splits must have one leaf");
            }
        }

        public double Evaluate(ReadOnlySpan<float> x)
        {
            if (feature.Length == 0)
            {
                return weight * leaves[0];
            }

            var node = 0;
            while (node >= 0)
            {
                node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            }

            return weight * leaves[~node];
        }

        private bool Child(int child, int parent) => child < 0 ? ~child < leaves.Length : child > parent && child < feature.Length;
    }

    private sealed class TreeRow
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}
