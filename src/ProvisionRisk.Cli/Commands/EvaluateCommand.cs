using ProvisionRisk.Reports;
using ProvisionRisk.Training;

namespace ProvisionRisk.Cli.Commands;

/// <summary><c>evaluate --data FILE... [--model FILE] [--format table|json]</c>: the model's quality on labelled data,
/// at its own thresholds.</summary>
internal static class EvaluateCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var a = Arguments.Parse(args, ["data", "model", "format"], []);
        if (a.All("data").Count == 0)
        {
            throw new UsageException("evaluate needs --data FILE (labelled CSV files or a folder of them)");
        }

        var json = a.Choice("format", false, new Dictionary<string, bool>(StringComparer.Ordinal) { ["table"] = false, ["json"] = true });
        var model = ModelOption.Load(a.One("model"));
        LabelledDataset data;
        try
        {
            data = LabelledDataset.Load(a.All("data"), model.Labels);
        }
        catch (LabelledDataException e)
        {
            throw new InputException(e.Message);
        }

        // Rows of one source are read in context, in file order, as the provisions of a scored document are.
        var provisions = data.Rows.Select(r => new Documents.Provision(r.Source, r.Ref ?? r.Id, null, null, r.Text, 0, r.Text.Length, 0)).ToList();
        var scores = model.Score(provisions, new Scoring.ScoringOptions { IncludeEvidence = false });
        var metrics = model.Labels.Select(label => (label, BinaryMetrics.Compute(
            scores.Select(s => s[label]).ToList(),
            data.Rows.Select(r => r.IsPositive(label)).ToList(),
            model.Manifest.Thresholds[label]))).ToList();
        if (json)
        {
            MetricsReportWriter.WriteJson(metrics, stdout);
        }
        else
        {
            MetricsReportWriter.WriteTable($"Evaluation on {data.Rows.Count} labelled provisions (model thresholds)", metrics, stdout);
        }

        return ExitCodes.Success;
    }
}
