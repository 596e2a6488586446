using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// A multiclass model of the provision's kind (definition, criminalisation, procedural-power, …): a maximum-entropy
/// model trained by ML.NET's L-BFGS, kept as one weight vector and bias per kind so that prediction is a few sparse dot
/// products and a softmax.
/// </summary>
internal sealed class KindModel
{
    private const int FormatMagic = 0x444E4B50; // "PKND"
    private const int FormatVersion = 1;

    private readonly float[] biases;

    // The weights, feature-major (feature f's weights for every kind side by side), so that a sparse row reads one
    // short run of memory per feature instead of one scattered read per kind.
    private readonly float[] byFeature;
    private readonly Func<IReadOnlyList<FeaturizedRow>, float[][]>? reference;

    private KindModel(IReadOnlyList<string> kinds, float[][] weights, float[] biases, int featureCount,
        Func<IReadOnlyList<FeaturizedRow>, float[][]>? reference = null)
    {
        if (kinds.Count < 2 || weights.Length != kinds.Count || biases.Length != kinds.Count || weights.Any(w => w.Length != featureCount))
        {
            throw new InvalidDataException($"the kind model has {weights.Length} weight vectors and {biases.Length} biases for {kinds.Count} kinds");
        }

        Kinds = kinds;
        this.biases = biases;
        this.reference = reference;
        FeatureCount = featureCount;
        byFeature = new float[featureCount * kinds.Count];
        for (var c = 0; c < kinds.Count; c++)
        {
            for (var f = 0; f < featureCount; f++)
            {
                byFeature[(f * kinds.Count) + c] = weights[c][f];
            }
        }
    }

    /// <summary>Gets the kinds, in the order of the probability vectors (ordinal order of the names).</summary>
    public IReadOnlyList<string> Kinds { get; }

    public int FeatureCount { get; }

    public static KindModel Fit(MLContext ml, IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<string> kinds, int featureCount)
    {
        var data = rows.Select((r, i) => new KindRow { Features = r.Features, Kind = kinds[i] }).ToList();
        var view = ml.Data.LoadFromEnumerable(data, Definition(featureCount));
        var keys = ml.Transforms.Conversion.MapValueToKey("Label", nameof(KindRow.Kind),
            keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(view);
        var keyed = keys.Transform(view);
        // L-BFGS gets close to the regularised optimum within 40 iterations; SDCA, stopped after a fixed number of
        // passes, predicted the kinds of held-out instruments far worse (procedural powers above all).
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            FeatureColumnName = nameof(KindRow.Features),
            LabelColumnName = "Label",
            L2Regularization = 0.1f,
            L1Regularization = 0,
            OptimizationTolerance = 1e-5f,
            MaximumNumberOfIterations = 40,
            NumberOfThreads = 1,
            ShowTrainingStatistics = false,
        });
        var predictor = trainer.Fit(keyed);

        // Classes are numbered by key; order them by kind name.
        var keyValues = default(VBuffer<ReadOnlyMemory<char>>);
        keyed.Schema["Label"].GetKeyValues(ref keyValues);
        var classNames = keyValues.DenseValues().Select(v => v.ToString()).ToArray();
        var names = classNames.Order(StringComparer.Ordinal).ToList();
        var vectors = default(VBuffer<float>[]);
        predictor.Model.GetWeights(ref vectors, out var classCount);
        var biasList = predictor.Model.GetBiases().ToArray();
        var w = new float[names.Count][];
        var b = new float[names.Count];
        for (var c = 0; c < classCount; c++)
        {
            var k = names.IndexOf(classNames[c]);
            w[k] = new float[featureCount];
            vectors[c].CopyTo(w[k]);
            b[k] = biasList[c];
        }

        float[][] Reference(IReadOnlyList<FeaturizedRow> batch)
        {
            var scored = predictor.Transform(ml.Data.LoadFromEnumerable(
                batch.Select(r => new KindRow { Features = r.Features }).ToList(), Definition(featureCount)));
            var result = new List<float[]>();
            using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
            var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
            while (cursor.MoveNext())
            {
                VBuffer<float> score = default;
                getter(ref score);
                var byClass = score.DenseValues().ToArray();
                result.Add(names.Select(n => byClass[Array.IndexOf(classNames, n)]).ToArray());
            }

            return [.. result];
        }

        return new KindModel(names, w, b, featureCount, Reference);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The content is not a kind model of this format, or does not fit.</exception>
    public static KindModel Load(Stream stream, IReadOnlyList<string> kinds, int featureCount)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadInt32() != FormatMagic || r.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("not a ProvisionRisk kind model of a known version");
            }

            var classes = r.ReadInt32();
            var features = r.ReadInt32();
            if (classes != kinds.Count || features != featureCount)
            {
                throw new InvalidDataException($"the kind model has {classes} kinds over {features} features; the manifest and featurizer say {kinds.Count} over {featureCount}");
            }

            var w = new float[classes][];
            var b = new float[classes];
            for (var c = 0; c < classes; c++)
            {
                b[c] = r.ReadSingle();
                w[c] = BinaryFloats.Read(r, features);
            }

            return new KindModel(kinds, w, b, featureCount);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the kind model is truncated", e);
        }
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(FormatMagic);
        w.Write(FormatVersion);
        w.Write(Kinds.Count);
        w.Write(FeatureCount);
        for (var c = 0; c < Kinds.Count; c++)
        {
            w.Write(biases[c]);
            var column = new float[FeatureCount];
            for (var f = 0; f < FeatureCount; f++)
            {
                column[f] = byFeature[(f * Kinds.Count) + c];
            }

            BinaryFloats.Write(w, column);
        }
    }

    /// <summary>The predicted kind, its probability, and the probability of every kind (kinds in ordinal order).</summary>
    public (string Kind, double Probability, float[] All)[] Predict(IReadOnlyList<FeaturizedRow> rows)
    {
        var result = new (string, double, float[])[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var all = Probabilities(rows[i].Features);
            var best = MostProbable(all);
            result[i] = (Kinds[best], all[best], all);
        }

        return result;
    }

    /// <summary>The index of the most probable kind (the first of equals).</summary>
    public static int MostProbable(float[] probabilities)
    {
        var best = 0;
        for (var c = 1; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The probabilities ML.NET's own prediction pipeline gives, kinds in ordinal order; only for a model
    /// fitted in this process (used to check that the copied weights predict identically).</summary>
    internal float[][] ReferenceProbabilities(IReadOnlyList<FeaturizedRow> rows) =>
        (reference ?? throw new InvalidOperationException("only a freshly fitted model keeps its ML.NET pipeline"))(rows);

    private float[] Probabilities(in VBuffer<float> x)
    {
        var k = Kinds.Count;
        var scores = new double[k];
        for (var c = 0; c < k; c++)
        {
            scores[c] = biases[c];
        }

        var values = x.GetValues();
        var indices = x.GetIndices();
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var row = byFeature.AsSpan((x.IsDense ? i : indices[i]) * k, k);
            for (var c = 0; c < k; c++)
            {
                scores[c] += v * row[c];
            }
        }

        var max = scores.Max();
        var total = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            total += scores[c];
        }

        var result = new float[scores.Length];
        for (var c = 0; c < scores.Length; c++)
        {
            result[c] = (float)(scores[c] / total);
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
