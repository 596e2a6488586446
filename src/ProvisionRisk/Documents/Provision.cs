namespace ProvisionRisk.Documents;

/// <summary>
/// The smallest numbered unit of a document that states a complete rule: an article or section, a numbered
/// paragraph, or a sub-paragraph (carrying the lead-in words of its parents so that it reads alone).
/// </summary>
/// <param name="Document">The name of the document the provision comes from (for example its file name without extension).</param>
/// <param name="Ref">The stable reference, for example <c>Article 19(4)</c>, <c>Section 4(c)(4)</c> or <c>§ 2703(d)</c>.</param>
/// <param name="Parent">The reference of the enclosing unit, or <see langword="null"/> for a top-level article or section.</param>
/// <param name="Heading">The heading of the enclosing article or section, if it has one.</param>
/// <param name="Text">The provision's words, preceded by the lead-in words of its parents when it cannot be read alone.</param>
/// <param name="Start">The offset of the provision's first character in the source text.</param>
/// <param name="End">The offset just past the provision's last character in the source text.</param>
/// <param name="Line">The one-based line number of the provision's first character.</param>
public sealed record Provision(
    string Document,
    string Ref,
    string? Parent,
    string? Heading,
    string Text,
    int Start,
    int End,
    int Line)
{
    /// <summary>Gets the identifier used in training data: <c>document:ref</c> with the reference shortened
    /// (<c>Article</c> to <c>art</c>, <c>Section</c> and <c>§</c> to <c>s</c>, spaces removed).</summary>
    public string Id => ProvisionId.For(Document, Ref);

    /// <summary>Gets the one-based page of the provision's first character, for documents that have pages (PDF).</summary>
    public int? Page { get; init; }

    /// <summary>Gets the footnotes the provision cites; their markers are not part of <see cref="Text"/>.</summary>
    public IReadOnlyList<Footnote> Notes { get; init; } = [];

    /// <summary>Gets the bracketed text a negotiation draft leaves open, in text order.</summary>
    public IReadOnlyList<OpenText> OpenText { get; init; } = [];

    /// <summary>Gets the references the provision makes to other units, in text order.</summary>
    public IReadOnlyList<CrossReference> CrossReferences { get; init; } = [];
}
