namespace ProvisionRisk.Scoring;

/// <summary>A reason for a score: a legal cue or word n-gram, how far it pushed the score (positive raises the
/// risk, negative lowers it, in log-odds of the linear model) and where it occurs in the text; or, for a provision
/// read in context, how far its neighbouring provisions moved the score (in log-odds of the probability, against the
/// provision read alone).</summary>
/// <param name="Feature">The feature: <c>cue:without-right</c> for a legal cue, the n-gram itself (<c>any criminal</c>),
/// or <c>context:neighbours</c> for the neighbouring provisions (with no span).</param>
/// <param name="Weight">The contribution to the score.</param>
/// <param name="Spans">Where the feature occurs in the provision's text.</param>
public sealed record Evidence(string Feature, double Weight, IReadOnlyList<TextRange> Spans);
