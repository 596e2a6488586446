using Microsoft.ML;
using Microsoft.ML.Data;
using ProvisionRisk.Features;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Training;

public sealed class LinearModelTests
{
    private const int Features = 4;

    // Feature 0 only in positives, feature 1 only in negatives, feature 2 in every row, feature 3 in a few of both.
    private static readonly (float[] X, bool Y)[] Data =
    [
        ([1, 0, 1, 0], true), ([0.5f, 0, 1, 1], true), ([1, 0, 0.5f, 0], true), ([0.8f, 0, 1, 0], true),
        ([0, 1, 1, 0], false), ([0, 0.7f, 1, 1], false), ([0, 1, 0.5f, 0], false), ([0, 0.4f, 1, 0], false),
        ([0, 0, 1, 0], true), ([0, 0, 1, 0], false),
    ];

    private static List<FeaturizedRow> Rows => Data.Select(d => new FeaturizedRow(Sparse(d.X), [])).ToList();

    private static List<bool> Labels => Data.Select(d => d.Y).ToList();

    [Fact]
    public void Log_count_ratios_favour_the_class_a_feature_is_found_in()
    {
        var r = LinearModel.LogCountRatios(Rows, Labels, Features);
        Assert.True(r[0] > 1, $"{r[0]}");
        Assert.True(r[1] < -1, $"{r[1]}");
        Assert.Equal(0, r[2], 5);
        Assert.Equal(0, r[3], 5);
    }

    [Fact]
    public void The_naive_bayes_model_is_the_average_of_two_logits_folded_into_one_set_of_weights_without_the_left_out_slots()
    {
        var ml = new MLContext(seed: 1);
        var mixed = LinearModel.Fit(ml, Rows, Labels, Features, 0.1f, naiveBayesLeftOut: new HashSet<int> { 0 });
        var plain = LinearModel.Fit(ml, Rows, Labels, Features, 0.1f, naiveBayesLeftOut: null);
        var ratios = LinearModel.LogCountRatios(Rows, Labels, Features);
        ratios[0] = 0;
        var weighted = LinearModel.FitLogistic(ml, Rows.Select(r => LinearModel.Scale(r.Features, ratios)).ToList(), Labels, Features, 0.1f);
        foreach (var row in Rows)
        {
            var expected = 0.5 * (plain.Score(row.Features) + weighted.Score(LinearModel.Scale(row.Features, ratios)));
            Assert.Equal(expected, mixed.Score(row.Features), 4);
        }

        Assert.Equal(0.5 * plain.Weights[0], mixed.Weights[0], 5);
        Assert.True(mixed.Score(Rows[0].Features) > mixed.Score(Rows[4].Features));
        Assert.NotEqual(plain.Weights, mixed.Weights);
    }

    [Fact]
    public void Scaling_keeps_a_sparse_vector_sparse_and_multiplies_each_stored_value()
    {
        var scaled = LinearModel.Scale(Sparse([0, 2, 0, 3]), [5, 0.5f, 7, -1]);
        Assert.False(scaled.IsDense);
        Assert.Equal([1, 3], scaled.GetIndices().ToArray());
        Assert.Equal([1f, -3f], scaled.GetValues().ToArray());
        var dense = LinearModel.Scale(new VBuffer<float>(2, [2f, 4f]), [0.5f, 2]);
        Assert.Equal([1f, 8f], dense.GetValues().ToArray());
    }

    private static VBuffer<float> Sparse(float[] x)
    {
        var indices = Enumerable.Range(0, x.Length).Where(i => x[i] != 0).ToArray();
        return new VBuffer<float>(x.Length, indices.Length, indices.Select(i => x[i]).ToArray(), indices);
    }
}
