namespace ProvisionRisk.Scoring;

/// <summary>The scores of a provision read with one alternative of its open (bracketed) text, the rest as drafted.</summary>
/// <param name="OpenText">The index of the open text in <see cref="Documents.Provision.OpenText"/>.</param>
/// <param name="Alternative">The index of the alternative in <see cref="Documents.OpenText.Alternatives"/>.</param>
/// <param name="Reading">The alternative's words (empty when the reading deletes the bracketed words).</param>
/// <param name="Text">The provision's text with that reading.</param>
/// <param name="Labels">Per label the probability, threshold and decision (no evidence), in the model's label order.</param>
public sealed record AlternativeScore(int OpenText, int Alternative, string Reading, string Text, IReadOnlyList<LabelScore> Labels)
{
    /// <summary>Gets the calibrated probability for <paramref name="label"/> under this reading.</summary>
    /// <param name="label">A label of the model.</param>
    /// <exception cref="KeyNotFoundException">The model has no such label.</exception>
    public double this[string label] =>
        Labels.FirstOrDefault(l => string.Equals(l.Label, label, StringComparison.Ordinal))?.Probability
        ?? throw new KeyNotFoundException($"The model has no label '{label}'.");
}
