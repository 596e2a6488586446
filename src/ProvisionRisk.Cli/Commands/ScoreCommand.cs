using System.Globalization;
using ProvisionRisk.Reports;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Cli.Commands;

/// <summary><c>score INPUT... [--model FILE] [--format table|jsonl|json|csv|md|html] [--out FILE] [--top N] [--min-score X]
/// [--label L] [--precedents K] [--alternatives] [--threshold LABEL=P]... [--input-format F] [--title T] [--no-evidence]
/// [--alone] [--threads N]</c></summary>
internal static class ScoreCommand
{
    private const int RankedFormatPrecedents = 3;

    public static int Run(IReadOnlyList<string> args, StandardInput stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = Arguments.Parse(args, ["model", "format", "out", "threshold", "input-format", "top", "min-score", "label", "precedents", "title", "threads"],
            ["no-evidence", "alternatives", "alone"]);
        if (a.Positional.Count == 0)
        {
            throw new UsageException("score needs at least one input (a document, a folder of documents, a .csv/.jsonl table, or - for standard input)");
        }

        var format = ReportArguments.Format(a, stdout);
        var stdinFormat = a.One("input-format");
        if (stdinFormat is not null && !InputLoader.StdinFormats.Contains(stdinFormat))
        {
            throw new UsageException($"option --input-format must be one of {string.Join(", ", InputLoader.StdinFormats)}, not '{stdinFormat}'");
        }

        var thresholds = a.All("threshold").Select(ParseThreshold).ToList();
        var precedents = a.One("precedents") is null
            ? format is ReportFormat.Html or ReportFormat.Markdown ? RankedFormatPrecedents : 0
            : a.Int("precedents", 0);
        if (precedents is < 0 or > ScoringOptions.MaxPrecedents)
        {
            throw new UsageException($"--precedents needs a whole number from 0 to {ScoringOptions.MaxPrecedents}");
        }

        var threads = a.Int("threads", Environment.ProcessorCount);
        if (threads < 1)
        {
            throw new UsageException("--threads needs a whole number of at least 1");
        }

        PhaseTrace.Mark("arguments read");
        var model = ModelOption.Load(a.One("model"));
        PhaseTrace.Mark("model loaded");
        var reportOptions = ReportArguments.Options(a, model.Labels);
        var options = new ScoringOptions
        {
            IncludeEvidence = !a.Flag("no-evidence"),
            Thresholds = Thresholds(thresholds, model),
            Precedents = precedents,
            ScoreAlternatives = a.Flag("alternatives"),
            ReadInContext = !a.Flag("alone"),
            MaxDegreeOfParallelism = threads,
        };
        var failed = false;
        var progress = ProgressIndicator.For(stderr);
        Output.Write(a.One("out"), stdout, writer =>
        {
            using var report = new ScoreReportWriter(writer, format, model.Labels, reportOptions);
            foreach (var argument in a.Positional)
            {
                try
                {
                    foreach (var input in InputLoader.Expand(argument))
                    {
                        failed |= !ScoreInput(input, stdinFormat, stdin, model, options, report, stderr, progress);
                    }
                }
                catch (InputException e)
                {
                    Fail(stderr, progress, e.Message);
                    failed = true;
                }
            }

            progress.Done();
        });
        return failed ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>Scores one input into the report; false (after a one-line error) when it cannot be read.</summary>
    private static bool ScoreInput(string input, string? stdinFormat, StandardInput stdin, RiskModel model, ScoringOptions options,
        ScoreReportWriter report, TextWriter stderr, ProgressIndicator progress)
    {
        try
        {
            var provisions = InputLoader.Load(input, stdinFormat, stdin);
            PhaseTrace.Mark($"{input}: {provisions.Count} provisions read");
            var table = InputLoader.IsTable(input, stdinFormat);
            var name = provisions[0].Document;

            // The suitability check (which reads the model's training provisions on first use) runs beside scoring;
            // scores wait in memory until its warnings are written, so the report still opens with them.
            var check = Task.Run(() => model.CheckSuitability(provisions.Select(p => p.Text).ToList()));
            using var scores = model.ScoreStream(provisions, options).GetEnumerator();
            var waiting = new List<ProvisionScore>();
            while (!check.IsCompleted && scores.MoveNext())
            {
                waiting.Add(scores.Current);
            }

            foreach (var warning in check.GetAwaiter().GetResult().Warnings)
            {
                progress.Done();
                stderr.WriteLine($"provisionrisk: warning: {(input == "-" ? "standard input" : input)}: {warning}");
                report.Warn(name, warning);
            }

            PhaseTrace.Mark($"{input}: suitability checked");
            foreach (var score in waiting.Concat(Remaining(scores)))
            {
                var p = score.Provision!;
                report.Write(new ScoredProvision(table ? p.Ref : p.Id, p.Document, score));
                progress.Report(report.Scored, input);
            }

            PhaseTrace.Mark($"{input}: scored");
            return true;
        }
        catch (InputException e)
        {
            Fail(stderr, progress, e.Message);
        }
        catch (IOException e)
        {
            Fail(stderr, progress, $"{input}: {e.Message}");
        }

        return false;
    }

    private static IEnumerable<ProvisionScore> Remaining(IEnumerator<ProvisionScore> scores)
    {
        while (scores.MoveNext())
        {
            yield return scores.Current;
        }
    }

    private static void Fail(TextWriter stderr, ProgressIndicator progress, string message)
    {
        progress.Done();
        stderr.WriteLine("provisionrisk: error: " + message);
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
