namespace ProvisionRisk.Features;

/// <summary>An occurrence of a legal cue in a text.</summary>
/// <param name="Cue">The cue's name.</param>
/// <param name="Start">The offset of the first matched character.</param>
/// <param name="End">The offset just past the last matched character.</param>
public readonly record struct CueMatch(string Cue, int Start, int End);
