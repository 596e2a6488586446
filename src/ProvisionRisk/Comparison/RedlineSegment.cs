namespace ProvisionRisk.Comparison;

/// <summary>What a piece of a word-level redline is.</summary>
public enum RedlineOperation
{
    /// <summary>Words in both versions.</summary>
    Same,

    /// <summary>Words only in the later version.</summary>
    Inserted,

    /// <summary>Words only in the earlier version.</summary>
    Deleted,
}

/// <summary>A run of words of a redline, all with the same operation.</summary>
/// <param name="Operation">Whether the words are kept, inserted or deleted.</param>
/// <param name="Text">The words, separated by single spaces.</param>
public sealed record RedlineSegment(RedlineOperation Operation, string Text);
