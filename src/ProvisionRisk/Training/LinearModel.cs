using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>A logistic-regression model on the sparse features, kept as weights so that scoring and evidence need
/// no prediction engine.</summary>
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

    public static LinearModel Fit(MLContext ml, IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<bool> labels, int featureCount, float l2)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        // Balance the classes so that the minority label is not drowned out.
        float wPos = positives == 0 ? 1 : (float)labels.Count / (2 * positives);
        float wNeg = negatives == 0 ? 1 : (float)labels.Count / (2 * negatives);
        var data = rows.Select((r, i) => new LinearRow { Features = r.Features, Label = labels[i], Weight = labels[i] ? wPos : wNeg }).ToList();
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
