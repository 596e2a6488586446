using BenchmarkDotNet.Attributes;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Benchmarks;

/// <summary>
/// The latency of scoring one provision after warm-up: <see cref="RiskModel.Score(string, ScoringOptions?)"/> per
/// operation, cycling through a fixed list of real provisions, with and without evidence. The targets (2 cores) are a
/// median of at most 0.2 ms without evidence and 1 ms with it.
/// </summary>
[BenchmarkCategory(Categories.Scoring)]
[FixedJob(5, 30)]
[MedianColumn]
[Q3Column]
public class ScoringLatencyBenchmarks
{
    /// <summary>How many provisions the cycle holds: an even sample of the labelled provisions.</summary>
    private const int SampleSize = 512;

    private RiskModel model = null!;
    private ScoringOptions options = null!;
    private string[] texts = [];
    private int next;

    /// <summary>Gets or sets a value indicating whether the scores carry evidence.</summary>
    [Params(false, true)]
    public bool IncludeEvidence { get; set; }

    /// <summary>Loads the model and the provisions, and scores each provision once so the measured calls are warm.</summary>
    [GlobalSetup]
    public void Setup()
    {
        model = Inputs.Model();
        options = new ScoringOptions { IncludeEvidence = IncludeEvidence };
        var all = Inputs.ProvisionTexts();
        var step = Math.Max(1, all.Count / SampleSize);
        texts = Enumerable.Range(0, Math.Min(SampleSize, all.Count)).Select(i => all[i * step]).ToArray();
        foreach (var text in texts)
        {
            model.Score(text, options);
        }
    }

    /// <summary>Scores the next provision of the cycle.</summary>
    /// <returns>The score.</returns>
    [Benchmark]
    public ProvisionScore ScoreOne()
    {
        var text = texts[next];
        next = (next + 1) % texts.Length;
        return model.Score(text, options);
    }
}
