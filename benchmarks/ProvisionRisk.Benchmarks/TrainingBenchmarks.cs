using BenchmarkDotNet.Attributes;
using ProvisionRisk.Scoring;
using ProvisionRisk.Training;

namespace ProvisionRisk.Benchmarks;

/// <summary>
/// The time to train the default model (<see cref="RiskTrainer.Train"/> with default options, no cross-validation) on
/// <c>training-data/</c>: a one-shot job, no warm-up, three runs. Target (2 cores): at most 60 s. In the category
/// <see cref="Categories.Long"/>, which quick runs leave out; a quick run that selects it trains on four instruments.
/// </summary>
[BenchmarkCategory(Categories.Training, Categories.Long)]
[FixedJob(0, 3, SingleInvocation = true)]
public class TrainingBenchmarks
{
    private LabelledDataset data = null!;

    /// <summary>Loads the labelled provisions.</summary>
    [GlobalSetup]
    public void Setup() => data = Inputs.TrainingData();

    /// <summary>Trains the default model.</summary>
    /// <returns>The model.</returns>
    [Benchmark]
    public RiskModel TrainDefaultModel() => RiskTrainer.Train(data);
}
