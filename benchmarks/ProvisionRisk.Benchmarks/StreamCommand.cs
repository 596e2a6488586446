using System.Diagnostics;
using System.Globalization;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Benchmarks;

/// <summary>
/// <c>stream --provisions N [--evidence]</c>: scores N provisions produced one at a time (the labelled provisions
/// repeated) through <see cref="RiskModel.ScoreStream"/>, keeping nothing, and prints one JSON line with the time and
/// the process's peak working set. Run for two sizes, it shows whether memory stays flat in input size when streaming.
/// </summary>
public static class StreamCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>stream</c>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        long count = 0;
        var evidence = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--provisions" when i + 1 < args.Count && long.TryParse(args[i + 1], CultureInfo.InvariantCulture, out count) && count > 0:
                    i++;
                    break;
                case "--evidence":
                    evidence = true;
                    break;
                default:
                    Console.Error.WriteLine($"stream: unexpected argument '{args[i]}'; usage: stream --provisions N [--evidence]");
                    return 2;
            }
        }

        if (count <= 0)
        {
            Console.Error.WriteLine("stream: --provisions N is required (N > 0)");
            return 2;
        }

        var texts = Inputs.ProvisionTexts();
        var model = Inputs.Model();
        var options = new ScoringOptions { IncludeEvidence = evidence };
        var clock = Stopwatch.StartNew();
        long scored = 0;
        foreach (var _ in model.ScoreStream(Generate(texts, count), options))
        {
            scored++;
        }

        clock.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"provisions\":{scored},\"evidence\":{(evidence ? "true" : "false")},\"seconds\":{clock.Elapsed.TotalSeconds:0.000},\"provisionsPerSecond\":{scored / clock.Elapsed.TotalSeconds:0.0},\"peakWorkingSetBytes\":{process.PeakWorkingSet64}}}"));
        return 0;
    }

    private static IEnumerable<Documents.Provision> Generate(IReadOnlyList<string> texts, long count)
    {
        for (long i = 0; i < count; i++)
        {
            yield return Inputs.Provision(texts, i);
        }
    }
}
