namespace ProvisionRisk.Comparison;

/// <summary>What happened to a provision between two versions of a draft.</summary>
public enum ChangeKind
{
    /// <summary>New in the later version.</summary>
    Added,

    /// <summary>Gone from the later version.</summary>
    Removed,

    /// <summary>In both versions, with different words.</summary>
    Changed,

    /// <summary>In both versions with the same words, under a different reference.</summary>
    Renumbered,

    /// <summary>In both versions, same reference and words.</summary>
    Unchanged,
}
