using BenchmarkDotNet.Configs;

namespace ProvisionRisk.Benchmarks;

/// <summary>Adds a provisions-per-second column to benchmarks whose operation is one provision
/// (<c>OperationsPerInvoke</c> = the provisions scored per call).</summary>
public sealed class ProvisionsPerSecondConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="ProvisionsPerSecondConfig"/> class.</summary>
    public ProvisionsPerSecondConfig() =>
        AddColumn(new PerSecondColumn("Provisions/s", "Provisions scored per second (1 s / Mean)", _ => 1));
}
