using ProvisionRisk.Cli.Commands;

namespace ProvisionRisk.Cli;

/// <summary>Dispatches a command and turns failures into one-line messages and exit codes (0 success, 1 bad input, 2 wrong usage).</summary>
internal static class CommandLine
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: provisionrisk <command> [options]

          score INPUT... [--model FILE] [--format table|jsonl|json|csv|md|html] [--out FILE]
                         [--top N] [--min-score X] [--label LABEL] [--precedents K] [--alternatives]
                         [--threshold LABEL=P]... [--input-format F] [--title TEXT] [--no-evidence]
                         [--alone] [--threads N]
              Score provisions. INPUT is a document (.txt, .md, .html, .pdf, .docx) that is segmented,
              a folder (every document in it), a table of provisions (.csv or .jsonl with id and text,
              optionally document), or - for standard input (--input-format txt|md|html|pdf|docx|csv|jsonl,
              else recognised). Each provision is read with its neighbours in the same document;
              --alone reads every provision by itself (for tables of unrelated provisions).
              --top, --min-score and --label focus the report; --precedents K shows the K nearest
              labelled precedents (default 3 for md and html); --alternatives scores each reading of
              bracketed open text; --threads N scores on N threads (default: all cores), in input order.
          diff OLD NEW [--model FILE] [--format table|jsonl|json|csv|md|html] [--out FILE]
                       [--top N] [--min-change X] [--label LABEL] [--all] [--title TEXT] [--no-evidence]
              Align two versions of a draft (by reference and by text, so renumbering is followed) and
              report added, removed and changed provisions with a word-level redline and their score
              changes, largest change in risk first. --all includes unchanged provisions.
          train --data FILE_OR_DIR... [--labels a,b] [--exclude-source ID]... [--seed N]
                [--out FILE] [--format table|json] [--pipeline stacked|linear|fasttree|cue-rules] [--l2 X]
                [--linear nb|plain] [--context N] [--region N] [--linear-cues yes|no] [--cv | --no-cv]
                [--predictions FILE]
              Cross-validate by instrument, train on all data and write a model bundle atomically.
              --cv only reports the cross-validation; --no-cv skips it. --predictions writes every
              held-out prediction (probability, threshold, truth, kind) as CSV. --linear plain fits
              plain logistic regression instead of averaging it with a naive-Bayes weighted one.
              --context N sets how many neighbours on each side the stacked model reads (default 2, 0-10);
              --region N over how many provisions on each side it reads their mean (default 10, 0-50).
              --linear-cues no leaves the legal cues to the stacked model's trees, out of its linear
              models (better ranking within one kind of provision).
          evaluate --data FILE... [--model FILE] [--format table|json]
              Precision, recall, F1, ROC-AUC, Brier and calibration error per label.
          info [--model FILE] [--format text|json|md] [--out FILE]
              The model card: labels, thresholds, metrics, training-data hash, versions.
          template INPUT... [--out FILE] [--input-format F]
              Segmented provisions in the training CSV format, with empty labels, for labelling.

        Without --model the default model shipped with ProvisionRisk is used.
        Exit codes: 0 success, 1 bad input (other inputs are still processed), 2 wrong usage.
        """;

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="cancellationToken">Cancels a long command (training) as Ctrl-C does.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        return Run(args, new StandardInput(stdin), stdout, stderr, cancellationToken);
    }

    /// <summary>Runs the tool with standard input as bytes, so that PDF and Word documents can be piped in.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="cancellationToken">Cancels a long command (training) as Ctrl-C does.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        return Run(args, new StandardInput(stdin), stdout, stderr, cancellationToken);
    }

    private static int Run(string[] args, StandardInput stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C stops the command at its next step (a model is only ever replaced whole, so the
            // previous one stays intact); a second one ends the process at once.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var rest = args[1..];
            return args[0] switch
            {
                "score" => ScoreCommand.Run(rest, stdin, stdout, stderr),
                "train" => TrainCommand.Run(rest, stdout, stderr, cancellation.Token),
                "evaluate" => EvaluateCommand.Run(rest, stdout),
                "info" => InfoCommand.Run(rest, stdout),
                "template" => TemplateCommand.Run(rest, stdin, stdout, stderr),
                "diff" => DiffCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine("provisionrisk: " + e.Message);
            stderr.WriteLine("Run 'provisionrisk --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            stderr.WriteLine("provisionrisk: error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (IOException e)
        {
            stderr.WriteLine("provisionrisk: error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine("provisionrisk: error: " + e.Message);
            return ExitCodes.BadInput;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
