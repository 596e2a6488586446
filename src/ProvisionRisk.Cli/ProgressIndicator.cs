using System.Diagnostics;

namespace ProvisionRisk.Cli;

/// <summary>A one-line progress indicator on standard error for long batches, drawn only when standard error is a
/// terminal (never into a file, a pipe or a test's writer) and at most a few times a second.</summary>
internal sealed class ProgressIndicator(TextWriter stderr, bool enabled)
{
    private static readonly long Interval = Stopwatch.Frequency / 5;
    private long last = Stopwatch.GetTimestamp();
    private int width;

    /// <summary>An indicator that draws when <paramref name="stderr"/> is the console's standard error and it is a terminal.</summary>
    public static ProgressIndicator For(TextWriter stderr) =>
        new(stderr, ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);

    public void Report(int done, string what)
    {
        if (!enabled || Stopwatch.GetTimestamp() - last < Interval)
        {
            return;
        }

        last = Stopwatch.GetTimestamp();
        var line = FormattableString.Invariant($"provisionrisk: {done} provisions scored ({what})");
        line = line.Length > 100 ? line[..99] + "…" : line;
        stderr.Write("\r" + line.PadRight(width));
        width = line.Length;
    }

    public void Done()
    {
        if (enabled && width > 0)
        {
            stderr.Write("\r" + new string(' ', width) + "\r");
            width = 0;
        }
    }
}
