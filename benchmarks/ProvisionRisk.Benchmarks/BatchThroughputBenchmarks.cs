using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Benchmarks;

/// <summary>
/// Batch throughput without evidence: <see cref="RiskModel.ScoreStream"/> over a table of provisions (the labelled
/// provisions repeated), on one thread, and on two threads sharing one model, each scoring half. Subclasses fix the
/// table's size, so that <c>OperationsPerInvoke</c> makes every reported time a time per provision. Targets (2 cores):
/// two threads at least 1.8 times as fast as one.
/// </summary>
public abstract class BatchThroughputBenchmarks
{
    private static readonly ScoringOptions Options = new() { IncludeEvidence = false };
    private static readonly ScoringOptions ParallelOptions = Options with { MaxDegreeOfParallelism = 2 };

    private RiskModel model = null!;
    private Provision[] provisions = [];

    /// <summary>Gets the number of provisions scored per call.</summary>
    protected abstract int Count { get; }

    /// <summary>Loads the model, builds the table and scores a first batch to warm up.</summary>
    public void Setup()
    {
        model = Inputs.Model();
        provisions = Inputs.Provisions(Count);
        Score(new ArraySegment<Provision>(provisions, 0, Math.Min(provisions.Length, 512)));
    }

    /// <summary>Scores every provision on the calling thread.</summary>
    /// <returns>A checksum of the probabilities, so nothing is optimised away.</returns>
    protected double ScoreOnOneThread() => Score(provisions);

    /// <summary>Scores the two halves of the table on two threads at once, with the same model.</summary>
    /// <returns>A checksum of the probabilities.</returns>
    protected double ScoreOnTwoThreads()
    {
        var half = provisions.Length / 2;
        double first = 0, second = 0;
        var other = new Thread(() => second = Score(new ArraySegment<Provision>(provisions, half, provisions.Length - half)));
        other.Start();
        first = Score(new ArraySegment<Provision>(provisions, 0, half));
        other.Join();
        return first + second;
    }

    /// <summary>Scores the table through the library's own parallel scoring (<see cref="ScoringOptions.MaxDegreeOfParallelism"/>
    /// of 2), which keeps the input order: what the command-line tool does by default.</summary>
    /// <returns>A checksum of the probabilities.</returns>
    protected double ScoreWithParallelOption() => Score(provisions, ParallelOptions);

    private double Score(IEnumerable<Provision> items, ScoringOptions? options = null)
    {
        var sum = 0.0;
        foreach (var score in model.ScoreStream(items, options ?? Options))
        {
            sum += score.MaxProbability;
        }

        return sum;
    }
}
