namespace ProvisionRisk.Documents;

/// <summary>
/// Cuts plain-text or Markdown drafts of treaties and laws into provisions (articles, sections, numbered
/// paragraphs and sub-paragraphs, each with a stable reference) and structure (titles, preambles, parts,
/// chapters, headings, signature blocks). Together they account for every non-whitespace character.
/// </summary>
public static class DocumentSegmenter
{
    /// <summary>Segments <paramref name="text"/>.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="name">The document's name, used in provision identifiers.</param>
    /// <returns>The provisions and structure of the document.</returns>
    public static SegmentedDocument Segment(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Annotate(new SegmentParser(text, name).Run());
    }

    /// <summary>Records each provision's open (bracketed) text and its references to other units of the document.</summary>
    private static SegmentedDocument Annotate(SegmentedDocument document)
    {
        var finder = new CrossReferenceFinder(document.Provisions);
        var provisions = document.Provisions
            .Select(p => p with { OpenText = OpenTextFinder.Find(p.Text), CrossReferences = finder.Find(p) })
            .ToList();
        return document with { Provisions = provisions };
    }

    /// <summary>Reads and segments a UTF-8 text or Markdown file; the document name is the file name
    /// without <c>.txt</c>, <c>.md</c> or <c>.partial</c>.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The provisions and structure of the document (none for an empty file).</returns>
    /// <exception cref="InvalidDataException">The file is binary, or not UTF-8 (nor UTF-16 with a byte-order mark);
    /// the message names the file and the line of the first byte that is not UTF-8.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SegmentedDocument SegmentFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Segment(DocumentText.Read(path), DocumentName(path));
    }

    /// <summary>The document name for a file path: the file name without its document extension (<c>.txt</c>, <c>.md</c>,
    /// <c>.html</c>, <c>.pdf</c>, <c>.docx</c> …) and <c>.partial</c>.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>For example <c>malabo-2014</c> for <c>malabo-2014.partial.txt</c>.</returns>
    public static string DocumentName(string path)
    {
        var file = Path.GetFileName(path);
        foreach (var ext in new[] { ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx" })
        {
            if (file.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                file = file[..^ext.Length];
                break;
            }
        }

        return file.EndsWith(".partial", StringComparison.OrdinalIgnoreCase) ? file[..^8] : file;
    }
}
