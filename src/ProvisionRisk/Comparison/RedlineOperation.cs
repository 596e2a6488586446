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
