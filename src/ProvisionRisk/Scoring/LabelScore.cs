namespace ProvisionRisk.Scoring;

/// <summary>One label's result for a provision.</summary>
/// <param name="Label">The label, for example <c>overbreadth</c>.</param>
/// <param name="Probability">The calibrated probability that the label applies.</param>
/// <param name="Threshold">The decision threshold in force for the label.</param>
/// <param name="Flagged">Whether <paramref name="Probability"/> reaches <paramref name="Threshold"/>.</param>
/// <param name="Evidence">The strongest reasons, most influential first (empty when evidence was not asked for).</param>
public sealed record LabelScore(string Label, double Probability, double Threshold, bool Flagged, IReadOnlyList<Evidence> Evidence);
