using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>A logistic-regression model on the sparse features (by default averaged with a naive-Bayes weighted one),
/// kept as weights so that scoring and evidence need no prediction engine.</summary>
internal sealed record LinearModel(float[] Weights, float Bias)
{
    public double Score(in VBuffer<float> x)
    {
        double sum = Bias;
        var values = x.GetValues();
        if (x.IsDense)
        {
            for (var i = 0; i < values.Length; i++)
            {
                sum += values[i] * Weights[i];
            }
        }
        else
        {
            var indices = x.GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                sum += values[i] * Weights[indices[i]];
            }
        }

        return sum;
    }

    /// <summary>Fits class-balanced logistic regression. With naive-Bayes weighting (<paramref name="naiveBayesLeftOut"/>
    /// not <see langword="null"/>: the slots it leaves out, possibly none), the model is the average of that logit and the
    /// logit of a logistic regression on the features scaled by their naive-Bayes log-count ratios (left-out slots
    /// scaled by 0), folded into one set of weights (the second model's weight of a feature times the feature's ratio).</summary>
    public static LinearModel Fit(MLContext ml, IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<bool> labels, int featureCount, float l2,
        IReadOnlySet<int>? naiveBayesLeftOut)
    {
        var plain = FitLogistic(ml, rows.Select(r => r.Features).ToList(), labels, featureCount, l2);
        if (naiveBayesLeftOut is null)
        {
            return plain;
        }

        var ratios = LogCountRatios(rows, labels, featureCount);
        foreach (var slot in naiveBayesLeftOut)
        {
            ratios[slot] = 0;
        }

        var scaled = rows.Select(r => Scale(r.Features, ratios)).ToList();
        var nb = FitLogistic(ml, scaled, labels, featureCount, l2);
        var weights = new float[featureCount];
        for (var i = 0; i < featureCount; i++)
        {
            weights[i] = 0.5f * (plain.Weights[i] + (nb.Weights[i] * ratios[i]));
        }

        return new LinearModel(weights, 0.5f * (plain.Bias + nb.Bias));
    }

    /// <summary>Per feature, log((p + 1) / |p + 1|) − log((q + 1) / |q + 1|), where p and q count the positive and
    /// negative rows in which the feature is present.</summary>
    internal static float[] LogCountRatios(IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<bool> labels, int featureCount)
    {
        var pos = new double[featureCount];
        var neg = new double[featureCount];
        for (var r = 0; r < rows.Count; r++)
        {
            var counts = labels[r] ? pos : neg;
            var x = rows[r].Features;
            var values = x.GetValues();
            var indices = x.IsDense ? default : x.GetIndices();
            for (var k = 0; k < values.Length; k++)
            {
                if (values[k] != 0)
                {
                    counts[x.IsDense ? k : indices[k]]++;
                }
            }
        }

        double posTotal = featureCount, negTotal = featureCount;
        for (var i = 0; i < featureCount; i++)
        {
            posTotal += pos[i];
            negTotal += neg[i];
        }

        var ratios = new float[featureCount];
        for (var i = 0; i < featureCount; i++)
        {
            ratios[i] = (float)Math.Log(((pos[i] + 1) / posTotal) / ((neg[i] + 1) / negTotal));
        }

        return ratios;
    }

    /// <summary>The vector with each stored value multiplied by its slot's ratio.</summary>
    internal static VBuffer<float> Scale(in VBuffer<float> x, float[] ratios)
    {
        var values = x.GetValues().ToArray();
        if (x.IsDense)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= ratios[i];
            }

            return new VBuffer<float>(x.Length, values);
        }

        var indices = x.GetIndices().ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= ratios[indices[i]];
        }

        return new VBuffer<float>(x.Length, values.Length, values, indices);
    }

    /// <summary>Class-balanced L2-regularised logistic regression (L-BFGS, one thread, so deterministic).</summary>
    internal static LinearModel FitLogistic(MLContext ml, IReadOnlyList<VBuffer<float>> features, IReadOnlyList<bool> labels, int featureCount, float l2)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        // Balance the classes so that the minority label is not drowned out.
        float wPos = positives == 0 ? 1 : (float)labels.Count / (2 * positives);
        float wNeg = negatives == 0 ? 1 : (float)labels.Count / (2 * negatives);
        var data = features.Select((f, i) => new LinearRow { Features = f, Label = labels[i], Weight = labels[i] ? wPos : wNeg }).ToList();
        var definition = VectorSchema.For<LinearRow>(nameof(LinearRow.Features), featureCount);
        var view = ml.Data.LoadFromEnumerable(data, definition);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            FeatureColumnName = nameof(LinearRow.Features),
            LabelColumnName = nameof(LinearRow.Label),
            ExampleWeightColumnName = nameof(LinearRow.Weight),
            L2Regularization = l2,
            L1Regularization = 0,
            OptimizationTolerance = 1e-6f,
            MaximumNumberOfIterations = 300,
            NumberOfThreads = 1,
            ShowTrainingStatistics = false,
        });
        var model = trainer.Fit(view).Model.SubModel;
        return new LinearModel(model.Weights.ToArray(), model.Bias);
    }

    private sealed class LinearRow
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}
