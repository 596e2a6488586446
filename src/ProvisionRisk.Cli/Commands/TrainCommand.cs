using ProvisionRisk.Reports;
using ProvisionRisk.Training;

namespace ProvisionRisk.Cli.Commands;

/// <summary><c>train --data FILE_OR_DIR... [--labels a,b] [--exclude-source ID]... [--seed N] [--out FILE]
/// [--format table|json] [--pipeline stacked|linear|fasttree|cue-rules] [--l2 X] [--linear nb|plain] [--context N] [--region N] [--linear-cues yes|no] [--cv | --no-cv] [--predictions FILE]</c></summary>
internal static class TrainCommand
{
    private static readonly Dictionary<string, PipelineKind> Pipelines = new(StringComparer.Ordinal)
    {
        ["stacked"] = PipelineKind.Stacked,
        ["linear"] = PipelineKind.Linear,
        ["fasttree"] = PipelineKind.FastTree,
        ["cue-rules"] = PipelineKind.CueRules,
    };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var a = Arguments.Parse(args, ["data", "labels", "exclude-source", "seed", "out", "format", "pipeline", "l2", "linear", "context", "region", "linear-cues", "predictions"], ["cv", "no-cv"]);
        if (a.Positional.Count > 0)
        {
            throw new UsageException($"train takes no positional arguments ('{a.Positional[0]}'); use --data");
        }

        if (a.All("data").Count == 0)
        {
            throw new UsageException("train needs --data FILE_OR_DIR (training CSV files or a folder of them)");
        }

        if (a.Flag("cv") && a.Flag("no-cv"))
        {
            throw new UsageException("--cv and --no-cv cannot be used together");
        }

        var predictions = a.One("predictions");
        if (predictions is not null && a.Flag("no-cv"))
        {
            throw new UsageException("--predictions writes the cross-validation's held-out predictions; it cannot be used with --no-cv");
        }

        var json = a.Choice("format", false, new Dictionary<string, bool>(StringComparer.Ordinal) { ["table"] = false, ["json"] = true });
        var options = new TrainingOptions
        {
            Seed = a.Int("seed", 1),
            L2 = (float)a.Number("l2", new TrainingOptions().L2),
            Pipeline = a.Choice("pipeline", PipelineKind.Stacked, Pipelines),
            NaiveBayesWeighting = a.Choice("linear", true, new Dictionary<string, bool>(StringComparer.Ordinal) { ["nb"] = true, ["plain"] = false }),
            ContextWindow = a.Int("context", new TrainingOptions().ContextWindow),
            RegionWindow = a.Int("region", new TrainingOptions().RegionWindow),
            LinearCueFeatures = a.Choice("linear-cues", true, new Dictionary<string, bool>(StringComparer.Ordinal) { ["yes"] = true, ["no"] = false }),
        };
        if (options.ContextWindow is < 0 or > TrainingOptions.MaxContextWindow)
        {
            throw new UsageException($"--context needs a whole number from 0 to {TrainingOptions.MaxContextWindow}");
        }

        if (options.RegionWindow is < 0 or > TrainingOptions.MaxRegionWindow)
        {
            throw new UsageException($"--region needs a whole number from 0 to {TrainingOptions.MaxRegionWindow}");
        }

        var labels = a.One("labels")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (labels is { Length: 0 })
        {
            throw new UsageException("--labels needs at least one label name");
        }

        var output = a.One("out") ?? "provisionrisk.model";
        LabelledDataset data;
        try
        {
            data = LabelledDataset.Load(a.All("data"), labels).Without(a.All("exclude-source"));
        }
        catch (LabelledDataException e)
        {
            throw new InputException(e.Message + "; no model was written");
        }

        stderr.WriteLine($"provisionrisk: {data.Rows.Count} labelled provisions, {data.Groups.Count} instruments, labels: {string.Join(", ", data.Labels)}");
        try
        {
            CrossValidationReport? report = null;
            if (!a.Flag("no-cv"))
            {
                var progress = new Progress<string>(line => stderr.WriteLine("provisionrisk: cross-validation: " + line));
                report = RiskTrainer.CrossValidate(data, options, progress, cancellationToken);
                if (json)
                {
                    MetricsReportWriter.WriteJson(report, stdout);
                }
                else
                {
                    MetricsReportWriter.WriteTable(report, stdout);
                }

                if (predictions is not null)
                {
                    AtomicFile.WriteText(predictions, w => HeldOutPredictionsCsv.Write(report, w));
                    stderr.WriteLine($"provisionrisk: held-out predictions written to {predictions}");
                }
            }

            if (a.Flag("cv"))
            {
                return ExitCodes.Success;
            }

            var model = RiskTrainer.Train(data, options, report, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            model.Save(output);
            stderr.WriteLine($"provisionrisk: model written to {output}");
            return ExitCodes.Success;
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message + " No model was written.");
        }
        catch (OperationCanceledException)
        {
            throw new InputException("training cancelled; no model was written");
        }
    }
}
