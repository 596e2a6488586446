namespace ProvisionRisk.Training;

/// <summary>
/// Cluster bootstrap over held-out instruments: instruments are resampled with replacement (so the interval reflects
/// how much quality varies from one instrument to the next), and the pooled metrics recomputed each time.
/// </summary>
internal static class Bootstrap
{
    public static IReadOnlyDictionary<string, MetricInterval> Intervals(IReadOnlyList<HeldOutPrediction> predictions, string label,
        int resamples, int seed)
    {
        var groups = predictions.GroupBy(p => p.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var random = new Random(seed);
        var samples = new List<BinaryMetrics>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            var chosen = new List<HeldOutPrediction>(predictions.Count);
            for (var g = 0; g < groups.Count; g++)
            {
                chosen.AddRange(groups[random.Next(groups.Count)]);
            }

            samples.Add(BinaryMetrics.Compute(
                chosen.Select(p => p.Probabilities[label]).ToList(),
                chosen.Select(p => p.Truth[label]).ToList(),
                chosen.Select(p => p.IsFlagged(label)).ToList(),
                double.NaN));
        }

        return new Dictionary<string, MetricInterval>(StringComparer.Ordinal)
        {
            ["precision"] = Of(samples.Select(s => s.Precision)),
            ["recall"] = Of(samples.Select(s => s.Recall)),
            ["f1"] = Of(samples.Select(s => s.F1)),
            ["rocAuc"] = Of(samples.Select(s => s.RocAuc)),
            ["prAuc"] = Of(samples.Select(s => s.PrAuc)),
            ["brier"] = Of(samples.Select(s => s.Brier)),
            ["ece"] = Of(samples.Select(s => s.Ece)),
        };
    }

    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins)
    {
        var result = new List<ReliabilityBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            double from = (double)b / bins, to = (double)(b + 1) / bins;
            var inBin = Enumerable.Range(0, probabilities.Count)
                .Where(i => Math.Min(bins - 1, (int)(probabilities[i] * bins)) == b).ToList();
            result.Add(new ReliabilityBin(from, to, inBin.Count,
                inBin.Count == 0 ? double.NaN : inBin.Average(i => probabilities[i]),
                inBin.Count == 0 ? double.NaN : inBin.Average(i => labels[i] ? 1.0 : 0.0)));
        }

        return result;
    }

    private static MetricInterval Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new MetricInterval(double.NaN, double.NaN);
        }

        return new MetricInterval(Percentile(sorted, 0.025), Percentile(sorted, 0.975));
    }

    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
