namespace ProvisionRisk.Comparison;

/// <summary>A run of words of a redline, all with the same operation.</summary>
/// <param name="Operation">Whether the words are kept, inserted or deleted.</param>
/// <param name="Text">The words, separated by single spaces.</param>
public sealed record RedlineSegment(RedlineOperation Operation, string Text);
