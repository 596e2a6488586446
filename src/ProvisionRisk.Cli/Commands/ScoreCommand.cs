using System.Globalization;
using ProvisionRisk.Reports;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Cli.Commands;

/// <summary><c>score INPUT... [--model FILE] [--format table|jsonl|json|csv] [--out FILE] [--threshold LABEL=P]...
/// [--input-format csv|jsonl] [--no-evidence]</c></summary>
internal static class ScoreCommand
{
    private static readonly Dictionary<string, ReportFormat> Formats = new(StringComparer.Ordinal)
    {
        ["table"] = ReportFormat.Table,
        ["jsonl"] = ReportFormat.Jsonl,
        ["json"] = ReportFormat.Json,
        ["csv"] = ReportFormat.Csv,
    };

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = Arguments.Parse(args, ["model", "format", "out", "threshold", "input-format"], ["no-evidence"]);
        if (a.Positional.Count == 0)
        {
            throw new UsageException("score needs at least one input (a .txt/.md document, a .csv/.jsonl table, or - for standard input)");
        }

        var interactive = a.One("out") is null && !Console.IsOutputRedirected;
        var format = a.Choice("format", interactive ? ReportFormat.Table : ReportFormat.Jsonl, Formats);
        var stdinFormat = a.One("input-format");
        if (stdinFormat is not null and not ("csv" or "jsonl"))
        {
            throw new UsageException($"option --input-format must be csv or jsonl, not '{stdinFormat}'");
        }

        var thresholds = a.All("threshold").Select(ParseThreshold).ToList();
        var model = ModelOption.Load(a.One("model"));
        var options = new ScoringOptions
        {
            IncludeEvidence = !a.Flag("no-evidence"),
            Thresholds = Thresholds(thresholds, model),
        };
        var failed = false;
        Output.Write(a.One("out"), stdout, writer =>
        {
            using var report = new ScoreReportWriter(writer, format, model.Labels);
            foreach (var input in a.Positional)
            {
                try
                {
                    var provisions = InputLoader.Load(input, stdinFormat, stdin);
                    var tableInput = input != "-" && Path.GetExtension(input).ToLowerInvariant() is ".csv" or ".jsonl"
                        || (input == "-" && stdinFormat is not null);
                    foreach (var score in model.ScoreStream(provisions, options))
                    {
                        var p = score.Provision!;
                        report.Write(new ScoredProvision(tableInput ? p.Ref : p.Id, p.Document, score));
                    }
                }
                catch (InputException e)
                {
                    stderr.WriteLine("provisionrisk: error: " + e.Message);
                    failed = true;
                }
                catch (IOException e)
                {
                    stderr.WriteLine($"provisionrisk: error: {input}: {e.Message}");
                    failed = true;
                }
            }
        });
        return failed ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static (string Label, double P) ParseThreshold(string v)
    {
        var eq = v.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new UsageException($"--threshold takes LABEL=P, not '{v}'");
        }

        if (!double.TryParse(v[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !(p >= 0 && p <= 1))
        {
            throw new UsageException($"--threshold: '{v[(eq + 1)..]}' is not a probability between 0 and 1");
        }

        return (v[..eq], p);
    }

    private static Dictionary<string, double> Thresholds(IEnumerable<(string Label, double P)> values, RiskModel model)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (label, p) in values)
        {
            if (!model.Labels.Contains(label))
            {
                throw new UsageException($"--threshold: the model has no label '{label}' (labels: {string.Join(", ", model.Labels)})");
            }

            result[label] = p;
        }

        return result;
    }
}
