namespace ProvisionRisk.Documents;

/// <summary>The document formats <see cref="DocumentReader"/> reads.</summary>
public enum DocumentType
{
    /// <summary>Plain UTF-8 text (<c>.txt</c>): segmented as written.</summary>
    Text,

    /// <summary>Markdown (<c>.md</c>, <c>.markdown</c>): markup removed line by line, footnotes kept as notes.</summary>
    Markdown,

    /// <summary>HTML (<c>.html</c>, <c>.htm</c>): the body's text, one block a line; navigation, page headers and footers,
    /// scripts and styles left out; numbered lists numbered; footnotes kept as notes.</summary>
    Html,

    /// <summary>PDF (<c>.pdf</c>) with a text layer: lines rebuilt into paragraphs, page headers, footers and page numbers
    /// left out, footnotes kept as notes, pages recorded.</summary>
    Pdf,

    /// <summary>Word (<c>.docx</c>): the main body with automatic numbering rendered and tracked changes accepted;
    /// headers and footers left out; footnotes and endnotes kept as notes.</summary>
    Docx,
}
