namespace ProvisionRisk.Documents;

/// <summary>The kinds of unscored text that give a document its structure.</summary>
public enum StructureKind
{
    /// <summary>The title block and any text before the first part, chapter, article or section.</summary>
    Title,

    /// <summary>A preamble: recitals and enacting words.</summary>
    Preamble,

    /// <summary>A part, chapter, title, division or similar grouping line.</summary>
    Division,

    /// <summary>A heading of an article, section or paragraph, or of a division.</summary>
    Heading,

    /// <summary>The lead-in or closing words of a unit that has sub-provisions; they are carried into each sub-provision's text.</summary>
    LeadIn,

    /// <summary>An editorial note, such as a gap marker in a partial text.</summary>
    Note,

    /// <summary>A signature block or testimonium ("In witness whereof", "Done at").</summary>
    Signature,
}
