using System.Globalization;
using CsvHelper;
using ProvisionRisk.Training;

namespace ProvisionRisk.Reports;

/// <summary>Writes every held-out prediction of a cross-validation as CSV: id, held-out group, labelled and predicted
/// kind, then per label the probability, the fold's threshold, the decision and the truth. Would-be spreadsheet
/// formulas are escaped by CsvHelper's injection protection.</summary>
internal static class HeldOutPredictionsCsv
{
    public static void Write(CrossValidationReport report, TextWriter output)
    {
        var labels = report.Labels.Select(l => l.Label).ToList();
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.Escape }, leaveOpen: true);
        var header = new List<string> { "id", "group", "kind", "predicted_kind" };
        foreach (var l in labels)
        {
            header.AddRange([l, l + "_threshold", l + "_flagged", l + "_truth"]);
        }

        csv.WriteRecord(header.ToArray());
        foreach (var p in report.Predictions)
        {
            var row = new List<string> { p.Id, p.Group, p.Kind ?? string.Empty, p.PredictedKind ?? string.Empty };
            foreach (var l in labels)
            {
                row.Add(p.Probabilities[l].ToString("0.0000", CultureInfo.InvariantCulture));
                row.Add(p.Thresholds[l].ToString("0.0000", CultureInfo.InvariantCulture));
                row.Add(p.IsFlagged(l) ? "true" : "false");
                row.Add(p.Truth[l] ? "true" : "false");
            }

            csv.WriteRecord(row.ToArray());
        }

        csv.Flush();
    }
}
