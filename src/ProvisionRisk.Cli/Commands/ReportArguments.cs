using System.Globalization;
using ProvisionRisk.Reports;

namespace ProvisionRisk.Cli.Commands;

/// <summary>The report options shared by <c>score</c> and <c>diff</c>: --format, --top, --label and the like.</summary>
internal static class ReportArguments
{
    public static readonly Dictionary<string, ReportFormat> Formats = new(StringComparer.Ordinal)
    {
        ["table"] = ReportFormat.Table,
        ["jsonl"] = ReportFormat.Jsonl,
        ["json"] = ReportFormat.Json,
        ["csv"] = ReportFormat.Csv,
        ["md"] = ReportFormat.Markdown,
        ["html"] = ReportFormat.Html,
    };

    /// <summary>The format asked for; by default a table on a terminal and JSON lines otherwise.</summary>
    public static ReportFormat Format(Arguments a, TextWriter stdout)
    {
        var interactive = a.One("out") is null && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        return a.Choice("format", interactive ? ReportFormat.Table : ReportFormat.Jsonl, Formats);
    }

    public static ReportOptions Options(Arguments a, IReadOnlyList<string> labels, string minName = "min-score")
    {
        var top = a.One("top") is null ? (int?)null : a.Int("top", 0);
        if (top is < 1)
        {
            throw new UsageException("--top needs a whole number of at least 1");
        }

        var label = a.One("label");
        if (label is not null && !labels.Contains(label))
        {
            throw new UsageException($"--label: the model has no label '{label}' (labels: {string.Join(", ", labels)})");
        }

        return new ReportOptions { Top = top, MinScore = Probability(a, minName), Label = label, Title = a.One("title") };
    }

    public static double? Probability(Arguments a, string name)
    {
        var s = a.One(name);
        if (s is null)
        {
            return null;
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p >= 0 && p <= 1
            ? p
            : throw new UsageException($"--{name} needs a probability between 0 and 1, not '{s}'");
    }
}
