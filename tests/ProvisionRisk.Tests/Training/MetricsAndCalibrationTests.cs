using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Training;

public sealed class MetricsAndCalibrationTests
{
    [Fact]
    public void Computes_precision_recall_f1_and_auc_by_hand()
    {
        double[] p = [0.9, 0.8, 0.7, 0.6, 0.4, 0.2];
        bool[] y = [true, false, true, false, true, false];
        var m = BinaryMetrics.Compute(p, y, 0.5);
        Assert.Equal(2.0 / 4, m.Precision, 10);
        Assert.Equal(2.0 / 3, m.Recall, 10);
        Assert.Equal(2 * 0.5 * (2.0 / 3) / (0.5 + (2.0 / 3)), m.F1, 10);
        Assert.Equal(6.0 / 9, m.RocAuc, 10);
        Assert.Equal(3, m.Positives);
        Assert.Equal((0.01 + 0.64 + 0.09 + 0.36 + 0.36 + 0.04) / 6, m.Brier, 10);
        Assert.True(double.IsNaN(BinaryMetrics.RocAucOf([0.1, 0.2], [true, true])));
        Assert.Equal(0.5, BinaryMetrics.RocAucOf([0.3, 0.3], [true, false]), 10);
    }

    [Fact]
    public void Expected_calibration_error_is_zero_for_perfectly_calibrated_bins()
    {
        var p = Enumerable.Repeat(0.25, 8).ToList();
        var y = new[] { true, false, false, false, true, false, false, false };
        Assert.Equal(0, BinaryMetrics.ExpectedCalibrationError(p, y, 10), 10);
        Assert.Equal(0.75, BinaryMetrics.ExpectedCalibrationError([0.25, 0.25], [true, true], 10), 10);
    }

    [Fact]
    public void Output_layer_without_cues_is_platt_scaling_with_ordered_probabilities()
    {
        var scores = Enumerable.Range(0, 200).Select(i => (i - 100) / 20.0).ToList();
        var labels = scores.Select((s, i) => s + ((((i * 7) % 11) - 5) / 5.0) > 0).ToList();
        var noCues = scores.Select(_ => new float[ProvisionRisk.Features.LegalCues.All.Count]).ToList();
        var layer = OutputLayer.Fit(scores, noCues, labels, new Dictionary<string, int>(), [], noCues.Select(_ => (float[]?)null).ToList());
        Assert.True(layer.Scale > 0);
        Assert.Empty(layer.CueWeights);
        Assert.True(layer.Probability(-5, noCues[0], [], null) < 0.1);
        Assert.True(layer.Probability(5, noCues[0], [], null) > 0.9);
        Assert.InRange(layer.Probability(0, noCues[0], [], null), 0.3, 0.7);
    }

    [Fact]
    public void Output_layer_keeps_each_directional_cue_weight_to_its_codebook_sign()
    {
        // In this data the judicial-authorisation cue goes with MORE risk; the constraint must keep its weight <= 0,
        // while a cue whose data agrees with its direction (secrecy, +1) gets a positive weight.
        var judge = ProvisionRisk.Features.LegalCues.IndexOf("judicial-authorisation");
        var secrecy = ProvisionRisk.Features.LegalCues.IndexOf("secrecy");
        var scores = new List<double>();
        var cues = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 400; i++)
        {
            var v = new float[ProvisionRisk.Features.LegalCues.All.Count];
            var positive = i % 2 == 0;
            v[judge] = positive && i % 4 == 0 ? 1 : 0;
            v[secrecy] = positive && i % 3 == 0 ? 1 : 0;
            scores.Add(0);
            cues.Add(v);
            labels.Add(positive);
        }

        string[] kinds = ["procedural-power", "safeguard"];
        var kindProbabilities = cues.Select((_, i) => (float[]?)(i % 5 == 0 ? [0.2f, 0.8f] : [0.9f, 0.1f])).ToList();
        var layer = OutputLayer.Fit(scores, cues, labels, new Dictionary<string, int> { ["judicial-authorisation"] = -1, ["secrecy"] = +1 }, kinds, kindProbabilities);
        Assert.All(layer.CueWeights.Where(w => w.Key.StartsWith("judicial-authorisation", StringComparison.Ordinal)), w => Assert.True(w.Value <= 0, w.Key));
        Assert.All(layer.CueWeights.Where(w => w.Key.StartsWith("secrecy", StringComparison.Ordinal)), w => Assert.True(w.Value >= 0, w.Key));
        Assert.True(layer.CueWeights.Where(w => w.Key.StartsWith("secrecy", StringComparison.Ordinal)).Sum(w => w.Value) > 0);
    }

    [Fact]
    public void Output_layer_weighs_a_linear_score_that_orders_the_provisions_better_than_the_raw_score()
    {
        // The raw score takes three values only (like a few tree leaves); the linear score orders within them.
        var random = new Random(5);
        var linear = Enumerable.Range(0, 600).Select(_ => (random.NextDouble() * 6) - 3).ToList();
        var labels = linear.Select(x => random.NextDouble() < 1 / (1 + Math.Exp(-2 * x))).ToList();
        var raw = linear.Select(x => Math.Round(x / 2)).ToList();
        var noCues = linear.Select(_ => new float[ProvisionRisk.Features.LegalCues.All.Count]).ToList();
        var layer = OutputLayer.Fit(raw, noCues, labels, new Dictionary<string, int>(), [], noCues.Select(_ => (float[]?)null).ToList(), linear);

        Assert.True(layer.LinearWeight > 0);
        Assert.True(layer.Probability(0, noCues[0], [], null, linear: 0.4) > layer.Probability(0, noCues[0], [], null, linear: -0.4));
        var withLinear = BinaryMetrics.Compute(raw.Select((r, i) => layer.Probability(r, noCues[i], [], null, linear[i])).ToList(), labels, 0.5);
        var rawOnly = BinaryMetrics.Compute(raw.Select(r => 1 / (1 + Math.Exp(-r))).ToList(), labels, 0.5);
        Assert.True(withLinear.RocAuc > rawOnly.RocAuc, $"{withLinear.RocAuc} vs {rawOnly.RocAuc}");
    }

    [Fact]
    public void A_directional_cue_the_data_does_not_support_keeps_a_least_effect_in_the_codebook_direction()
    {
        // Judicial authorisation appears as often in positives as in negatives: left alone, its weight would be 0.
        var judge = ProvisionRisk.Features.LegalCues.IndexOf("judicial-authorisation");
        var cues = Enumerable.Range(0, 400).Select(i =>
        {
            var v = new float[ProvisionRisk.Features.LegalCues.All.Count];
            v[judge] = i % 4 < 2 ? 0.69f : 0;
            return v;
        }).ToList();
        var labels = Enumerable.Range(0, 400).Select(i => i % 2 == 0).ToList();
        var layer = OutputLayer.Fit(Enumerable.Range(0, 400).Select(i => labels[i] ? 1.0 : -1.0).ToList(), cues, labels,
            new Dictionary<string, int> { ["judicial-authorisation"] = -1 }, [], cues.Select(_ => (float[]?)null).ToList());
        Assert.Equal(-OutputLayer.MinMainEffect, layer.CueWeights["judicial-authorisation"], 6);
        var without = new float[ProvisionRisk.Features.LegalCues.All.Count];
        Assert.True(layer.Probability(0, cues[0], [], null) < layer.Probability(0, without, [], null));
    }

    [Fact]
    public void Threshold_maximises_f1_on_the_given_predictions()
    {
        double[] p = [0.95, 0.9, 0.85, 0.3, 0.2, 0.1];
        bool[] y = [true, true, true, false, false, false];
        var t = ThresholdSelector.MaximiseF1(p, y);
        Assert.InRange(t, 0.3, 0.85);
        Assert.Equal(1, BinaryMetrics.Compute(p, y, t).F1, 10);
    }

    [Fact]
    public void Group_folds_keep_each_group_whole_and_balance_sizes()
    {
        string[] groups = ["a", "a", "a", "b", "b", "c", "d", "d", "d", "d"];
        var folds = GroupFolds.Assign(groups, 2);
        foreach (var g in groups.Distinct())
        {
            Assert.Single(groups.Select((x, i) => (x, i)).Where(p => p.x == g).Select(p => folds[p.i]).Distinct());
        }

        Assert.Equal(5, folds.Count(f => f == 0));
        Assert.Equal(folds, GroupFolds.Assign(groups, 2));
    }

    [Fact]
    public void Cross_validation_holds_out_whole_instruments_with_fold_thresholds()
    {
        var report = RiskTrainer.CrossValidate(TinyModel.Data, TinyModel.Options with { InnerFolds = 2 });
        Assert.Equal(TinyModel.Data.Rows.Count, report.Predictions.Count);
        Assert.Equal(TinyModel.Sources.Order(StringComparer.Ordinal), report.Predictions.Select(p => p.Group).Distinct().Order(StringComparer.Ordinal));
        foreach (var label in report.Labels)
        {
            Assert.InRange(label.Pooled.RocAuc, 0.5, 1);
            Assert.Equal(TinyModel.Data.Rows.Count, label.Pooled.Count);
            Assert.Equal(TinyModel.Sources.Length, label.ByGroup.Count);
        }

        // Each held-out instrument was judged by a threshold chosen without it.
        var budapest = report.Predictions.Where(p => p.Group == "budapest-ets185").Select(p => p.Thresholds["overbreadth"]).Distinct();
        Assert.Single(budapest);

        // The held-out kind of provision is predicted and scored against the labelled kind.
        var byId = TinyModel.Data.Rows.ToDictionary(r => r.Id, r => r.Kind);
        Assert.All(report.Predictions, p => Assert.Equal(byId[p.Id], p.Kind));
        Assert.All(report.Predictions, p => Assert.NotNull(p.PredictedKind));
        var expected = report.Predictions.Count(p => p.Kind == p.PredictedKind) / (double)report.Predictions.Count;
        Assert.Equal(expected, report.KindAccuracy);
        Assert.InRange(report.KindAccuracy!.Value, 0.45, 1);
    }

    [Fact]
    public void Kind_accuracy_is_absent_without_kinds()
    {
        var prediction = new HeldOutPrediction("a", "g", new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, bool>());
        Assert.Null(new CrossValidationReport(PipelineKind.Linear, [], [prediction]).KindAccuracy);
        Assert.Equal(0.5, new CrossValidationReport(PipelineKind.Stacked, [],
            [prediction with { Kind = "penalty", PredictedKind = "penalty" }, prediction with { Kind = "penalty", PredictedKind = "definition" }]).KindAccuracy);
    }

    [Theory]
    [InlineData(11, 10, "ContextWindow")]
    [InlineData(-1, 10, "ContextWindow")]
    [InlineData(2, 51, "RegionWindow")]
    [InlineData(2, -1, "RegionWindow")]
    public void Refuses_a_context_or_region_window_out_of_range(int window, int region, string option)
    {
        var e = Assert.Throws<ArgumentException>(() => new TrainingOptions { ContextWindow = window, RegionWindow = region }.Validate());
        Assert.Equal(option, e.ParamName);
        new TrainingOptions { ContextWindow = TrainingOptions.MaxContextWindow, RegionWindow = TrainingOptions.MaxRegionWindow }.Validate();
    }

    [Fact]
    public void Refuses_data_with_a_single_class()
    {
        var rows = Enumerable.Range(0, 20).Select(i => new LabelledProvision($"r{i}", "text " + i, "s", "s", null, null,
            new Dictionary<string, string> { ["x"] = "no" }, null, null)).ToList();
        var e = Assert.Throws<ArgumentException>(() => RiskTrainer.Train(new LabelledDataset(["x"], rows)));
        Assert.Contains("only negative", e.Message, StringComparison.Ordinal);
    }
}
