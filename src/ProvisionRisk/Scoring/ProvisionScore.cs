using ProvisionRisk.Documents;
using ProvisionRisk.Precedents;

namespace ProvisionRisk.Scoring;

/// <summary>The scores of one provision: per label a calibrated probability, a decision and its evidence, plus the
/// predicted kind of provision. <c>score["overbreadth"]</c> is the probability for that label.</summary>
public sealed record ProvisionScore
{
    /// <summary>Initializes a new instance of the <see cref="ProvisionScore"/> class.</summary>
    /// <param name="text">The text that was scored.</param>
    /// <param name="provision">The provision, when the text came from a segmented document or a provision table.</param>
    /// <param name="kind">The predicted kind, or null when the model has no kind model.</param>
    /// <param name="kindProbability">The probability of the predicted kind (0 when there is none).</param>
    /// <param name="labels">The per-label results, in the model's label order.</param>
    public ProvisionScore(string text, Provision? provision, string? kind, double kindProbability, IReadOnlyList<LabelScore> labels)
    {
        Text = text;
        Provision = provision;
        Kind = kind;
        KindProbability = kindProbability;
        Labels = labels;
    }

    /// <summary>Gets the text that was scored.</summary>
    public string Text { get; }

    /// <summary>Gets the provision, when the text came from a segmented document or a provision table.</summary>
    public Provision? Provision { get; }

    /// <summary>Gets the predicted kind of provision (codebook categories), or null; for a provision read with its
    /// neighbours, read from their predicted kinds too.</summary>
    public string? Kind { get; }

    /// <summary>Gets the probability of the predicted kind.</summary>
    public double KindProbability { get; }

    /// <summary>Gets the per-label results, in the model's label order.</summary>
    public IReadOnlyList<LabelScore> Labels { get; }

    /// <summary>Gets the nearest labelled precedents from the training data, most similar first (empty unless
    /// <see cref="ScoringOptions.Precedents"/> asks for them).</summary>
    public IReadOnlyList<Precedent> Precedents { get; init; } = [];

    /// <summary>Gets the codebook flags that likely apply: those its precedents positive for a flagged label share
    /// (empty unless precedents were asked for).</summary>
    public IReadOnlyList<FlagSuggestion> Flags { get; init; } = [];

    /// <summary>Gets the scores of each alternative reading of the provision's open text (empty unless
    /// <see cref="ScoringOptions.ScoreAlternatives"/> is set and the provision has open text).</summary>
    public IReadOnlyList<AlternativeScore> Alternatives { get; init; } = [];

    /// <summary>Gets the highest probability over all labels: a single number to rank provisions by.</summary>
    public double MaxProbability => Labels.Count == 0 ? 0 : Labels.Max(l => l.Probability);

    /// <summary>Gets the calibrated probability for <paramref name="label"/>.</summary>
    /// <param name="label">A label of the model.</param>
    /// <exception cref="KeyNotFoundException">The model has no such label.</exception>
    public double this[string label] => Get(label).Probability;

    /// <summary>Gets the full result for <paramref name="label"/>.</summary>
    /// <param name="label">A label of the model.</param>
    /// <returns>The label's result.</returns>
    /// <exception cref="KeyNotFoundException">The model has no such label.</exception>
    public LabelScore Get(string label) =>
        Labels.FirstOrDefault(l => string.Equals(l.Label, label, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The model has no label '{label}'; it has: {string.Join(", ", Labels.Select(l => l.Label))}.");
}
