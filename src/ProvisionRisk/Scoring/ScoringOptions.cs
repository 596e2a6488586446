namespace ProvisionRisk.Scoring;

/// <summary>Options for scoring.</summary>
public sealed record ScoringOptions
{
    /// <summary>The most precedents that can be asked for per provision.</summary>
    public const int MaxPrecedents = 50;

    /// <summary>Gets the default options.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether evidence (the cues and n-grams behind each score) is computed.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeEvidence { get; init; } = true;

    /// <summary>Gets the most evidence items returned per label.</summary>
    /// <value>The default value is 6.</value>
    public int MaxEvidence { get; init; } = 6;

    /// <summary>Gets thresholds that replace the model's own, by label.</summary>
    /// <value>The default value is an empty dictionary (use the model's thresholds).</value>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>Gets the number of provisions sent through the model in one batch.</summary>
    /// <value>The default value is 256.</value>
    public int BatchSize { get; init; } = 256;

    /// <summary>Gets the most threads that score batches at the same time when many provisions are scored
    /// (<see cref="RiskModel.ScoreStream(IEnumerable{ProvisionRisk.Documents.Provision}, ScoringOptions?)"/> and the
    /// overloads taking collections); results keep input order, and at most twice this many batches are held at once.</summary>
    /// <value>The default value is 1 (score on the calling thread only).</value>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Gets the number of nearest labelled precedents attached to each score (with the codebook flags they
    /// suggest); 0 finds none.</summary>
    /// <value>The default value is 0.</value>
    public int Precedents { get; init; }

    /// <summary>Gets a value indicating whether each alternative reading of a provision's open (bracketed) text is
    /// scored too.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ScoreAlternatives { get; init; }

    /// <summary>Gets a value indicating whether consecutive provisions of one document are read in context (with what
    /// the model makes of their neighbours, <see cref="ModelManifest.ContextWindow"/> and
    /// <see cref="ModelManifest.RegionWindow"/>); when false, every provision is read alone, as a single text is. Use
    /// false for collections of unrelated provisions.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReadInContext { get; init; } = true;

    /// <summary>Throws if an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (MaxEvidence < 0)
        {
            throw new ArgumentException("MaxEvidence must not be negative.", nameof(MaxEvidence));
        }

        if (Precedents is < 0 or > MaxPrecedents)
        {
            throw new ArgumentException($"Precedents must be between 0 and {MaxPrecedents}.", nameof(Precedents));
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentException("MaxDegreeOfParallelism must be at least 1.", nameof(MaxDegreeOfParallelism));
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException("BatchSize must be at least 1.", nameof(BatchSize));
        }

        foreach (var (label, p) in Thresholds)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException($"The threshold for '{label}' must be between 0 and 1.", nameof(Thresholds));
            }
        }
    }
}
