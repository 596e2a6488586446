namespace ProvisionRisk.Scoring;

/// <summary>A span of a provision's text: <c>[Start, End)</c> character offsets.</summary>
/// <param name="Start">The offset of the first character.</param>
/// <param name="End">The offset just past the last character.</param>
public readonly record struct TextRange(int Start, int End);
