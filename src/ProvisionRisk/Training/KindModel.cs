using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>A multiclass model of the provision's kind (definition, criminalisation, procedural-power, …).</summary>
internal sealed class KindModel
{
    private readonly MLContext ml;
    private readonly ITransformer transformer;
    private readonly DataViewSchema schema;
    private readonly int featureCount;

    private KindModel(MLContext ml, ITransformer transformer, DataViewSchema schema, int featureCount, IReadOnlyList<string> kinds)
    {
        Kinds = kinds;
        this.ml = ml;
        this.transformer = transformer;
        this.schema = schema;
        this.featureCount = featureCount;
    }

    /// <summary>Gets the kinds, in the order of the probability vectors (ordinal order of the names).</summary>
    public IReadOnlyList<string> Kinds { get; }

    public static KindModel Fit(MLContext ml, IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<string> kinds, int featureCount)
    {
        var data = rows.Select((r, i) => new KindRow { Features = r.Features, Kind = kinds[i] }).ToList();
        var view = ml.Data.LoadFromEnumerable(data, Definition(featureCount));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(KindRow.Kind), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                FeatureColumnName = nameof(KindRow.Features),
                LabelColumnName = "Label",
                L2Regularization = 1e-4f,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 30,
                Shuffle = false,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedKind", "PredictedLabel"));
        return new KindModel(ml, pipeline.Fit(view), view.Schema, featureCount, kinds.Distinct().Order(StringComparer.Ordinal).ToList());
    }

    public static KindModel Load(MLContext ml, Stream stream, IReadOnlyList<string> kinds)
    {
        var transformer = ml.Model.Load(stream, out var schema);
        var size = ((VectorDataViewType)schema[nameof(KindRow.Features)].Type).Size;
        return new KindModel(ml, transformer, schema, size, kinds);
    }

    public void Save(Stream stream) => ml.Model.Save(transformer, schema, stream);

    /// <summary>The predicted kind, its probability, and the probability of every kind (kinds in ordinal order).</summary>
    public (string Kind, double Probability, float[] All)[] Predict(IReadOnlyList<FeaturizedRow> rows)
    {
        var data = rows.Select(r => new KindRow { Features = r.Features, Kind = string.Empty }).ToList();
        var view = transformer.Transform(ml.Data.LoadFromEnumerable(data, Definition(featureCount)));
        var result = new (string, double, float[])[rows.Count];
        using var cursor = view.GetRowCursor([view.Schema["PredictedKind"], view.Schema["Score"]]);
        var kindGetter = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["PredictedKind"]);
        var scoreGetter = cursor.GetGetter<VBuffer<float>>(view.Schema["Score"]);
        var i = 0;
        while (cursor.MoveNext())
        {
            ReadOnlyMemory<char> kind = default;
            VBuffer<float> score = default;
            kindGetter(ref kind);
            scoreGetter(ref score);
            var all = score.DenseValues().ToArray();
            result[i++] = (kind.ToString(), all.Max(), all);
        }

        return result;
    }

    private static SchemaDefinition Definition(int count) => VectorSchema.For<KindRow>(nameof(KindRow.Features), count);

    private sealed class KindRow
    {
        public VBuffer<float> Features { get; set; }

        public string Kind { get; set; } = string.Empty;
    }
}
