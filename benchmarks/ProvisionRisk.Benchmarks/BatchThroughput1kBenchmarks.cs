using BenchmarkDotNet.Attributes;

namespace ProvisionRisk.Benchmarks;

/// <summary>Batch throughput on a table of 1,000 provisions; times are per provision.</summary>
[BenchmarkCategory(Categories.Scoring)]
[FixedJob(5, 40, SingleInvocation = true)]
[Config(typeof(ProvisionsPerSecondConfig))]
public class BatchThroughput1kBenchmarks : BatchThroughputBenchmarks
{
    private const int Provisions = 1_000;

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
