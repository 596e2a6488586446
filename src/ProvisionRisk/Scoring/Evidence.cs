namespace ProvisionRisk.Scoring;

/// <summary>A reason for a score: a legal cue or word n-gram, how far it pushed the score (positive raises the
/// risk, negative lowers it, in log-odds of the linear model) and where it occurs in the text.</summary>
/// <param name="Feature">The feature: <c>cue:without-right</c> for a legal cue, or the n-gram itself (<c>any criminal</c>).</param>
/// <param name="Weight">The contribution to the score.</param>
/// <param name="Spans">Where the feature occurs in the provision's text.</param>
public sealed record Evidence(string Feature, double Weight, IReadOnlyList<TextRange> Spans);
