using System.Globalization;
using System.Text.Json;
using ProvisionRisk.Training;

namespace ProvisionRisk.Reports;

/// <summary>Writes evaluation metrics (cross-validation or a held-out evaluation) as a table or as JSON.</summary>
public static class MetricsReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes per-label metrics as an aligned plain-text table.</summary>
    /// <param name="title">A title line.</param>
    /// <param name="metrics">Metrics by label.</param>
    /// <param name="output">The destination.</param>
    public static void WriteTable(string title, IReadOnlyList<(string Label, BinaryMetrics Metrics)> metrics, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(title);
        output.WriteLine($"{"label",-22} {"n",6} {"pos",6} {"thresh",7} {"prec",6} {"recall",6} {"F1",6} {"ROC-AUC",8} {"PR-AUC",7} {"Brier",6} {"ECE",6}");
        foreach (var (label, m) in metrics)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-22} {m.Count,6} {m.Positives,6} {m.Threshold,7:0.000} {m.Precision,6:0.000} {m.Recall,6:0.000} {m.F1,6:0.000} {m.RocAuc,8:0.000} {m.PrAuc,7:0.000} {m.Brier,6:0.000} {m.Ece,6:0.000}"));
        }
    }

    /// <summary>Writes the line with the held-out accuracy of the predicted kind of provision, if there is one.</summary>
    internal static void WriteKindAccuracy(double? kindAccuracy, TextWriter output)
    {
        if (kindAccuracy is { } accuracy)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kind of provision: {accuracy:0.000} of held-out provisions predicted as labelled"));
        }
    }

    /// <summary>Writes a cross-validation report: pooled metrics, then each held-out instrument.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">The destination.</param>
    public static void WriteTable(CrossValidationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        WriteTable($"Leave-one-instrument-out cross-validation ({report.Pipeline} pipeline; thresholds chosen inside each training fold)",
            report.Labels.Select(l => (l.Label, l.Pooled)).ToList(), output);
        WriteKindAccuracy(report.KindAccuracy, output);

        output.WriteLine();
        output.WriteLine("95% intervals (bootstrap over held-out instruments):");
        foreach (var l in report.Labels)
        {
            output.WriteLine($"{l.Label,-22} " + string.Join("  ", l.Intervals.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Key} {i.Value.Low:0.000}–{i.Value.High:0.000}"))));
        }

        output.WriteLine();
        output.WriteLine("Reliability (10 bins: count, mean probability, positive rate):");
        foreach (var l in report.Labels)
        {
            output.WriteLine(l.Label);
            foreach (var b in l.Reliability)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  [{b.From:0.0}, {b.To:0.0})  {b.Count,5}  {(b.Count == 0 ? "    -" : b.MeanProbability.ToString("0.000", CultureInfo.InvariantCulture))}  {(b.Count == 0 ? "    -" : b.PositiveRate.ToString("0.000", CultureInfo.InvariantCulture))}"));
            }
        }

        output.WriteLine();
        output.WriteLine("Per held-out instrument (F1 / ROC-AUC; n/a where the instrument has a single class):");
        var groups = report.Labels.SelectMany(l => l.ByGroup.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        output.Write($"{"instrument",-46} {"n",5}");
        foreach (var l in report.Labels)
        {
            output.Write($" {Short(l.Label, 20),20}");
        }

        output.WriteLine();
        foreach (var g in groups)
        {
            var n = report.Labels[0].ByGroup.TryGetValue(g, out var first) ? first.Count : 0;
            output.Write($"{Short(g, 46),-46} {n,5}");
            foreach (var l in report.Labels)
            {
                var cell = l.ByGroup.TryGetValue(g, out var m)
                    ? string.Create(CultureInfo.InvariantCulture, $"{m.F1:0.00} / {(double.IsNaN(m.RocAuc) ? "n/a" : m.RocAuc.ToString("0.00", CultureInfo.InvariantCulture))}")
                    : "-";
                output.Write($" {cell,20}");
            }

            output.WriteLine();
        }
    }

    /// <summary>Writes a cross-validation report as JSON (without the individual predictions).</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">The destination.</param>
    public static void WriteJson(CrossValidationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var shape = new
        {
            evaluation = "leave-one-instrument-out",
            pipeline = report.Pipeline.ToString(),
            kindAccuracy = report.KindAccuracy,
            labels = report.Labels.Select(l => new { label = l.Label, pooled = l.Pooled, intervals = l.Intervals, reliability = l.Reliability, byInstrument = l.ByGroup }),
        };
        output.WriteLine(JsonSerializer.Serialize(shape, Json));
    }

    /// <summary>Writes per-label metrics as JSON.</summary>
    /// <param name="metrics">Metrics by label.</param>
    /// <param name="output">The destination.</param>
    public static void WriteJson(IReadOnlyList<(string Label, BinaryMetrics Metrics)> metrics, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(metrics.ToDictionary(m => m.Label, m => m.Metrics), Json));
    }

    private static string Short(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
