namespace ProvisionRisk.Training;

/// <summary>Quality of one label's probabilities against true labels.</summary>
/// <param name="Count">The number of provisions.</param>
/// <param name="Positives">How many are positive.</param>
/// <param name="Threshold">The decision threshold used for precision, recall and F1.</param>
/// <param name="Precision">Precision at the threshold.</param>
/// <param name="Recall">Recall at the threshold.</param>
/// <param name="F1">F1 at the threshold.</param>
/// <param name="RocAuc">Area under the ROC curve (NaN when only one class is present).</param>
/// <param name="PrAuc">Area under the precision–recall curve (average precision; NaN without positives).</param>
/// <param name="Brier">Mean squared error of the probabilities.</param>
/// <param name="Ece">Expected calibration error over 10 equal-width bins.</param>
public sealed record BinaryMetrics(
    int Count, int Positives, double Threshold, double Precision, double Recall, double F1, double RocAuc, double PrAuc, double Brier, double Ece)
{
    /// <summary>Computes the metrics.</summary>
    /// <param name="probabilities">Predicted probabilities.</param>
    /// <param name="labels">True labels.</param>
    /// <param name="threshold">The decision threshold.</param>
    /// <returns>The metrics.</returns>
    internal static BinaryMetrics Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Count != labels.Count)
        {
            throw new ArgumentException("probabilities and labels differ in length.", nameof(labels));
        }

        return Compute(probabilities, labels, probabilities.Select(p => p >= threshold).ToList(), threshold);
    }

    /// <summary>Computes the metrics from per-row decisions (for pooled cross-validation, where each fold has its own threshold).</summary>
    /// <param name="probabilities">Predicted probabilities.</param>
    /// <param name="labels">True labels.</param>
    /// <param name="decisions">Per-row decisions.</param>
    /// <param name="threshold">The threshold to report (for example the mean of the folds' thresholds).</param>
    /// <returns>The metrics.</returns>
    internal static BinaryMetrics Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, IReadOnlyList<bool> decisions, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(decisions);
        int tp = 0, fp = 0, fn = 0;
        double brier = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var predicted = decisions[i];
            if (predicted && labels[i])
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (labels[i])
            {
                fn++;
            }

            var d = probabilities[i] - (labels[i] ? 1 : 0);
            brier += d * d;
        }

        var n = labels.Count;
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryMetrics(n, tp + fn, threshold, precision, recall, f1, RocAucOf(probabilities, labels), AveragePrecision(probabilities, labels),
            n == 0 ? double.NaN : brier / n, ExpectedCalibrationError(probabilities, labels, 10));
    }

    /// <summary>ROC-AUC as the probability that a random positive outranks a random negative (ties count half).</summary>
    /// <param name="scores">Scores.</param>
    /// <param name="labels">True labels.</param>
    /// <returns>The AUC, or NaN when only one class is present.</returns>
    internal static double RocAucOf(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSumPositive = 0;
        var positives = 0;
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 + 1 < order.Length && scores[order[i1 + 1]] == scores[order[i0]])
            {
                i1++;
            }

            var rank = ((i0 + i1) / 2.0) + 1;
            for (var k = i0; k <= i1; k++)
            {
                if (labels[order[k]])
                {
                    rankSumPositive += rank;
                    positives++;
                }
            }

            i0 = i1 + 1;
        }

        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSumPositive - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Expected calibration error: the row-weighted mean gap between mean probability and positive rate over equal-width bins.</summary>
    /// <param name="probabilities">Probabilities.</param>
    /// <param name="labels">True labels.</param>
    /// <param name="bins">The number of bins.</param>
    /// <returns>The ECE.</returns>
    internal static double ExpectedCalibrationError(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins)
    {
        if (probabilities.Count == 0)
        {
            return double.NaN;
        }

        var sums = new double[bins];
        var hits = new double[bins];
        var counts = new int[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var b = Math.Min(bins - 1, (int)(probabilities[i] * bins));
            sums[b] += probabilities[i];
            hits[b] += labels[i] ? 1 : 0;
            counts[b]++;
        }

        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] > 0)
            {
                ece += counts[b] * Math.Abs((sums[b] / counts[b]) - (hits[b] / counts[b]));
            }
        }

        return ece / probabilities.Count;
    }

    private static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        double ap = 0;
        var tp = 0;
        var k = 0;
        while (k < order.Length)
        {
            var end = k;
            var groupPositives = 0;
            while (end < order.Length && scores[order[end]] == scores[order[k]])
            {
                groupPositives += labels[order[end]] ? 1 : 0;
                end++;
            }

            tp += groupPositives;
            ap += (double)groupPositives / positives * ((double)tp / end);
            k = end;
        }

        return ap;
    }
}
