using BenchmarkDotNet.Attributes;

namespace ProvisionRisk.Benchmarks;

/// <summary>Batch throughput on a table of 100,000 provisions (run once for warm-up, then three times); times are per provision.</summary>
[BenchmarkCategory(Categories.Scoring, Categories.Long)]
[FixedJob(1, 3, SingleInvocation = true)]
[Config(typeof(ProvisionsPerSecondConfig))]
public class BatchThroughput100kBenchmarks : BatchThroughputBenchmarks
{
    private const int Provisions = 100_000;

    /// <inheritdoc />
    protected override int Count => Provisions;

    /// <summary>Builds the table and warms up.</summary>
    [GlobalSetup]
    public void GlobalSetup() => Setup();

    /// <summary>One thread scores the table.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Provisions)]
    public double OneThread() => ScoreOnOneThread();

    /// <summary>Two threads score half the table each.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = Provisions)]
    public double TwoThreads() => ScoreOnTwoThreads();

    /// <summary>The library scores the table on two threads itself, keeping input order.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = Provisions)]
    public double TwoThreadsInOrder() => ScoreWithParallelOption();
}
