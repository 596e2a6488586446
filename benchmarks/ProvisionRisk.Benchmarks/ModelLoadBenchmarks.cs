using BenchmarkDotNet.Attributes;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Benchmarks;

/// <summary>The time to load a model bundle from a file with <see cref="RiskModel.Load(string)"/>, in a process that
/// has already loaded one (the CLI's cold start measures the first load).</summary>
[BenchmarkCategory(Categories.Reading)]
[FixedJob(2, 10, SingleInvocation = true)]
public class ModelLoadBenchmarks
{
    private string path = "";

    /// <summary>Finds the model file.</summary>
    [GlobalSetup]
    public void Setup() => path = Repository.ModelFile;

    /// <summary>Loads the model.</summary>
    /// <returns>The model.</returns>
    [Benchmark]
    public RiskModel Load() => RiskModel.Load(path);
}
