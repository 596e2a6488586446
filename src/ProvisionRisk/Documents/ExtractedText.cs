namespace ProvisionRisk.Documents;

/// <summary>The plain text of a PDF, Word, HTML or Markdown document, one paragraph a line, with where its pages
/// begin and where its footnotes are cited.</summary>
/// <param name="Text">The text the segmenter reads.</param>
/// <param name="PageStarts">The offset in <paramref name="Text"/> where each page begins (empty for documents without pages).</param>
/// <param name="NoteAnchors">Where footnotes are cited: offsets in <paramref name="Text"/>, in text order.</param>
internal sealed record ExtractedText(string Text, IReadOnlyList<int> PageStarts, IReadOnlyList<NoteAnchor> NoteAnchors);
