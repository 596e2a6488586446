using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace ProvisionRisk.Benchmarks;

/// <summary>
/// The job a benchmark class runs with unless a job is named on the command line (<c>--job dry</c>, <c>--job short</c>
/// ...). BenchmarkDotNet would otherwise run a <c>[SimpleJob]</c> class's own job as well as the one asked for, so a
/// smoke run with <c>--job dry</c> would still run the long jobs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FixedJobAttribute : Attribute, IConfigSource
{
    /// <summary>Initializes a new instance of the <see cref="FixedJobAttribute"/> class.</summary>
    /// <param name="warmupCount">Warm-up iterations.</param>
    /// <param name="iterationCount">Measured iterations.</param>
    public FixedJobAttribute(int warmupCount, int iterationCount)
    {
        WarmupCount = warmupCount;
        IterationCount = iterationCount;
    }

    /// <summary>Gets or sets a value indicating whether the job was given on the command line; set by the program
    /// before BenchmarkDotNet reads the attributes.</summary>
    public static bool CommandLineJob { get; set; }

    /// <summary>Gets the number of warm-up iterations.</summary>
    public int WarmupCount { get; }

    /// <summary>Gets the number of measured iterations.</summary>
    public int IterationCount { get; }

    /// <summary>Gets or sets a value indicating whether each iteration is a single invocation of a long operation
    /// (no pilot stage, no unrolling): for operations that take a second or more.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool SingleInvocation { get; set; }

    /// <inheritdoc />
    public IConfig Config
    {
        get
        {
            if (CommandLineJob)
            {
                return ManualConfig.CreateEmpty();
            }

            var job = Job.Default.WithLaunchCount(1).WithWarmupCount(WarmupCount).WithIterationCount(IterationCount);
            if (SingleInvocation)
            {
                job = job.WithStrategy(RunStrategy.Monitoring).WithInvocationCount(1).WithUnrollFactor(1);
            }

            return ManualConfig.CreateEmpty().AddJob(job.WithId($"w{WarmupCount}-i{IterationCount}"));
        }
    }
}
