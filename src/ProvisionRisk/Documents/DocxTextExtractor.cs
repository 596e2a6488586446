using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ProvisionRisk.Documents;

/// <summary>
/// Converts a Word document to the segmenter's plain text, one paragraph a line: the main body only (headers, footers
/// and their page numbers are left out), automatic numbering rendered as printed, tracked insertions kept and
/// deletions dropped, and footnote and endnote citations turned into notes of the provisions citing them.
/// </summary>
internal static class DocxTextExtractor
{
    public static ExtractedText Extract(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("the package has no main document part");
        var body = main.Document?.Body ?? throw new InvalidDataException("the document has no body");
        var builder = new TextBuilder();
        AddNotes(builder, "fn", main.FootnotesPart?.Footnotes?.Elements<W.Footnote>().Select(n => (n.Id?.Value, (OpenXmlElement)n)));
        AddNotes(builder, "en", main.EndnotesPart?.Endnotes?.Elements<W.Endnote>().Select(n => (n.Id?.Value, (OpenXmlElement)n)));
        var numbering = new DocxNumbering(main);
        var counters = new NoteCounters();
        foreach (var paragraph in body.Descendants<W.Paragraph>())
        {
            if (paragraph.Ancestors<AlternateContentFallback>().Any())
            {
                continue;
            }

            builder.EndParagraph();
            if (numbering.Next(paragraph) is { Length: > 0 } label)
            {
                builder.Append(label);
                builder.Space();
            }

            AppendRuns(builder, paragraph, counters);
            builder.EndParagraph();
        }

        return builder.Build();
    }

    private static void AddNotes(TextBuilder builder, string prefix, IEnumerable<(long? Id, OpenXmlElement Note)>? notes)
    {
        foreach (var (id, note) in notes ?? [])
        {
            if (id is null or < 1)
            {
                // Ids 0 and -1 are the separator lines, not notes.
                continue;
            }

            var text = string.Join(' ', note.Descendants<W.Paragraph>().Select(p => PlainText(p)));
            if (!string.IsNullOrWhiteSpace(text))
            {
                builder.SetNote(prefix + id, text);
            }
        }
    }

    private static string PlainText(W.Paragraph paragraph)
    {
        var builder = new TextBuilder();
        AppendRuns(builder, paragraph, null);
        return builder.CurrentParagraph;
    }

    private static void AppendRuns(TextBuilder builder, W.Paragraph paragraph, NoteCounters? counters)
    {
        foreach (var element in paragraph.Descendants())
        {
            if (element.Ancestors<W.Paragraph>().FirstOrDefault() != paragraph || IsDeleted(element))
            {
                continue;
            }

            switch (element)
            {
                case W.Text t:
                    builder.Append(t.Text);
                    break;
                case W.TabChar or W.PositionalTab:
                    builder.Space();
                    break;
                case W.Break br when br.Type?.Value == W.BreakValues.TextWrapping || br.Type is null:
                case W.CarriageReturn:
                    builder.EndParagraph();
                    break;
                case W.Break:
                    builder.Space();
                    break;
                case W.NoBreakHyphen:
                    builder.Append("-");
                    break;
                case W.FootnoteReference f when counters is not null && f.Id?.Value is { } id:
                    builder.Cite("fn" + id, (++counters.Footnotes).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case W.EndnoteReference e when counters is not null && e.Id?.Value is { } id:
                    builder.Cite("en" + id, ListNumbering.Roman(++counters.Endnotes));
                    break;
            }
        }
    }

    private static bool IsDeleted(OpenXmlElement element) =>
        element.Ancestors().Any(a => a is W.DeletedRun or W.MoveFromRun or W.Deleted or W.MoveFrom);

    private sealed class NoteCounters
    {
        public int Footnotes;
        public int Endnotes;
    }
}
