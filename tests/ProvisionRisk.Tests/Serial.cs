namespace ProvisionRisk.Tests;

/// <summary>Tests that measure the process (memory, threads, child processes) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Serial
{
    public const string Name = "serial";
}
