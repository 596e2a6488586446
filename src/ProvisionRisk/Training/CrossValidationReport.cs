namespace ProvisionRisk.Training;

/// <summary>The result of leave-one-group-out (leave-one-instrument-out) cross-validation.</summary>
/// <param name="Pipeline">The pipeline evaluated.</param>
/// <param name="Labels">Per label: pooled metrics over every held-out instrument, and the metrics of each instrument.</param>
/// <param name="Predictions">Every provision's held-out prediction.</param>
public sealed record CrossValidationReport(
    PipelineKind Pipeline,
    IReadOnlyList<LabelEvaluation> Labels,
    IReadOnlyList<HeldOutPrediction> Predictions)
{
    /// <summary>Gets the share of held-out provisions with a labelled kind whose predicted kind is that kind, or
    /// <see langword="null"/> when the model predicts no kinds or the data gives none.</summary>
    public double? KindAccuracy
    {
        get
        {
            var judged = Predictions.Where(p => p.Kind is not null && p.PredictedKind is not null).ToList();
            return judged.Count == 0 ? null : judged.Count(p => p.Kind == p.PredictedKind) / (double)judged.Count;
        }
    }
}

/// <summary>One label's cross-validated quality.</summary>
/// <param name="Label">The label.</param>
/// <param name="Pooled">Metrics over all held-out predictions (each judged by the threshold chosen inside its own training fold).</param>
/// <param name="Intervals">95% intervals of the pooled metrics, by a bootstrap over held-out instruments (keys: precision, recall, f1, rocAuc, prAuc, brier, ece).</param>
/// <param name="Reliability">The reliability table: 10 equal-width probability bins with their mean probability and positive rate.</param>
/// <param name="ByGroup">Metrics per held-out group (instrument).</param>
public sealed record LabelEvaluation(
    string Label,
    BinaryMetrics Pooled,
    IReadOnlyDictionary<string, MetricInterval> Intervals,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyDictionary<string, BinaryMetrics> ByGroup);

/// <summary>A held-out prediction: the provision, its group, and per label the probability, the fold's threshold and the truth.</summary>
/// <param name="Id">The provision's id.</param>
/// <param name="Group">The held-out group.</param>
/// <param name="Probabilities">Per label, the calibrated probability.</param>
/// <param name="Thresholds">Per label, the threshold chosen inside the training fold.</param>
/// <param name="Truth">Per label, the true label.</param>
public sealed record HeldOutPrediction(
    string Id,
    string Group,
    IReadOnlyDictionary<string, double> Probabilities,
    IReadOnlyDictionary<string, double> Thresholds,
    IReadOnlyDictionary<string, bool> Truth)
{
    /// <summary>Gets the provision's labelled kind, if the data gives one.</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the kind the fold's model predicted, if it predicts kinds.</summary>
    public string? PredictedKind { get; init; }

    /// <summary>Whether the fold's model flags the provision for <paramref name="label"/>: its probability reaches the
    /// fold's threshold.</summary>
    internal bool IsFlagged(string label) => Probabilities[label] >= Thresholds[label];
}
