using ProvisionRisk.Comparison;
using ProvisionRisk.Documents;
using ProvisionRisk.Reports;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Cli.Commands;

/// <summary><c>diff OLD NEW [--model FILE] [--format table|jsonl|json|csv|md|html] [--out FILE] [--top N] [--min-change X]
/// [--label L] [--all] [--title T] [--no-evidence]</c>: what changed between two versions of a draft. Exit 0 when it ran,
/// whatever the differences.</summary>
internal static class DiffCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var a = Arguments.Parse(args, ["model", "format", "out", "top", "min-change", "label", "title"], ["all", "no-evidence"]);
        if (a.Positional.Count != 2)
        {
            throw new UsageException("diff needs two documents: the earlier version and the later one");
        }

        var format = ReportArguments.Format(a, stdout);
        var model = ModelOption.Load(a.One("model"));
        var options = ReportArguments.Options(a, model.Labels, "min-change");
        var older = Read(a.Positional[0]);
        var newer = Read(a.Positional[1]);
        foreach (var (input, document) in new[] { (a.Positional[0], older), (a.Positional[1], newer) })
        {
            foreach (var warning in model.CheckSuitability(document.Provisions.Select(p => p.Text)).Warnings)
            {
                stderr.WriteLine($"provisionrisk: warning: {input}: {warning}");
            }
        }

        var comparison = DraftComparer.Compare(older, newer, model, new ScoringOptions { IncludeEvidence = !a.Flag("no-evidence") });
        Output.Write(a.One("out"), stdout, w => DiffReportWriter.Write(comparison, w, format, options, a.Flag("all")));
        return ExitCodes.Success;
    }

    private static SegmentedDocument Read(string path)
    {
        try
        {
            var document = DocumentReader.Read(path);
            return document.Provisions.Count > 0
                ? document
                : throw new InputException($"{path}: no provisions found (no numbered articles, sections or paragraphs)");
        }
        catch (DocumentReadException e)
        {
            throw new InputException(e.Message);
        }
    }
}
