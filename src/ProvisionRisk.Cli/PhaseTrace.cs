using System.Diagnostics;
using System.Globalization;

namespace ProvisionRisk.Cli;

/// <summary>With <c>PROVISIONRISK_TRACE=1</c>, writes to standard error when each phase of a command ends, in
/// milliseconds since the process started: where the time of a run goes.</summary>
internal static class PhaseTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("PROVISIONRISK_TRACE") == "1";

    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trace: {elapsed.TotalMilliseconds,8:0} ms  {phase}"));
    }
}
