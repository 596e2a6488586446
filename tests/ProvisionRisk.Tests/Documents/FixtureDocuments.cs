using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ProvisionRisk.Tests.Documents;

/// <summary>
/// Makes the committed HTML, Word and PDF fixtures from the plain-text excerpt of the Budapest Convention
/// (Articles 14–21), laid out as real publications are: page headers and footers, page numbers, footnotes with
/// raised markers, automatic numbering, a tracked change, paragraphs that run across pages. The words of every
/// provision are the excerpt's own; only the two footnotes are added (they are notes, never provision text).
/// </summary>
internal static class FixtureDocuments
{
    public const string Name = "budapest-arts14-21";

    /// <summary>The footnotes: the words they follow, and the note.</summary>
    public static readonly (string After, string Note)[] Notes =
    [
        ("international human rights instruments", "Fixture footnote one: a note about the human rights instruments."),
        ("to provide, as is reasonable, the necessary information", "Fixture footnote two: a note about the information to be provided."),
    ];

    public const string Header = "Council of Europe Treaty Series - No. 185 (excerpt)";

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "ProvisionRisk.Tests", "Fixtures", "documents");

    public static string TextPath => Path.Combine(Folder, Name + ".txt");

    public static string[] Lines() => File.ReadAllLines(TextPath).Where(l => l.Trim().Length > 0).ToArray();

    /// <summary>Each line: an article header, an article heading, a division line (capitals) or a paragraph.</summary>
    private static IEnumerable<(string Kind, string Text)> Blocks()
    {
        var lines = Lines();
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            var kind = l.StartsWith("Article ", StringComparison.Ordinal) ? "article"
                : i > 0 && lines[i - 1].StartsWith("Article ", StringComparison.Ordinal) ? "heading"
                : l.Any(char.IsLetter) && l.Where(char.IsLetter).All(char.IsUpper) ? "division"
                : "paragraph";
            yield return (kind, l);
        }
    }

    /// <summary>The paragraphs of Article 16 are an automatically numbered list in HTML and Word.</summary>
    private static bool InNumberedArticle(string currentArticle, string text) =>
        currentArticle == "Article 16" && text.Length > 3 && char.IsDigit(text[0]) && text[1] == '.';

    /// <summary>The items of Article 19(3) are an automatically lettered list in Word.</summary>
    private static bool InLetteredList(string currentArticle, string text) =>
        currentArticle == "Article 19" && text.Length > 3 && text[0] is 'a' or 'b' or 'c' or 'd' && text[1] == ')' && text.Contains("data", StringComparison.Ordinal)
        && !text.Contains("computer system or part of it and", StringComparison.Ordinal) && !text.StartsWith("b) a computer-data storage medium in which", StringComparison.Ordinal);

    public static void WriteAll()
    {
        File.WriteAllText(Path.Combine(Folder, Name + ".html"), Html(), new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(Folder, Name + ".docx"), Docx());
        File.WriteAllBytes(Path.Combine(Folder, Name + ".pdf"), Pdf());
    }

    public static string Html()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Convention on Cybercrime &ndash; Articles 14 to 21</title>\n");
        html.Append("<style>body { font-family: serif; } .hidden { display: none; }</style>\n<script>var article = \"Article 99 must not be read\";</script>\n</head>\n<body>\n");
        html.Append("<header><p>").Append(WebUtility.HtmlEncode(Header)).Append("</p></header>\n");
        html.Append("<nav><ul><li><a href=\"#art14\">Article 14</a></li><li><a href=\"#art19\">Article 19</a></li></ul></nav>\n<main>\n");
        var article = string.Empty;
        var inList = false;
        var note = 0;
        foreach (var (kind, text) in Blocks())
        {
            var numbered = kind == "paragraph" && InNumberedArticle(article, text);
            if (inList && !numbered)
            {
                html.Append("</ol>\n");
                inList = false;
            }

            switch (kind)
            {
                case "article":
                    article = text;
                    html.Append("<h2 id=\"art").Append(text[8..]).Append("\">").Append(Encode(text, ref note)).Append("</h2>\n");
                    break;
                case "heading":
                    html.Append("<h3>").Append(Encode(text, ref note)).Append("</h3>\n");
                    break;
                case "division":
                    html.Append("<h2 class=\"division\">").Append(Encode(text, ref note)).Append("</h2>\n");
                    break;
                default:
                    if (numbered)
                    {
                        if (!inList)
                        {
                            html.Append("<ol>\n");
                            inList = true;
                        }

                        html.Append("  <li>").Append(Encode(text[3..], ref note)).Append("</li>\n");
                    }
                    else
                    {
                        html.Append("<p>").Append(Encode(text, ref note)).Append("</p>\n");
                    }

                    break;
            }
        }

        html.Append("<p class=\"hidden\" hidden>Article 98 hidden text.</p>\n</main>\n");
        html.Append("<section class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n");
        for (var i = 0; i < Notes.Length; i++)
        {
            html.Append("<li id=\"fn").Append(i + 1).Append("\"><p>").Append(WebUtility.HtmlEncode(Notes[i].Note))
                .Append(" <a href=\"#fnref").Append(i + 1).Append("\" role=\"doc-backlink\">&#8617;</a></p></li>\n");
        }

        html.Append("</ol>\n</section>\n<footer><p>Page 1 of 1</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text, ref int note)
    {
        var encoded = WebUtility.HtmlEncode(text);
        foreach (var (after, _) in Notes)
        {
            var e = WebUtility.HtmlEncode(after);
            var at = encoded.IndexOf(e, StringComparison.Ordinal);
            if (at >= 0)
            {
                note++;
                encoded = encoded.Insert(at + e.Length, $"<sup><a href=\"#fn{note}\" id=\"fnref{note}\">{note}</a></sup>");
            }
        }

        return encoded;
    }

    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body());
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new W.Numbering(
                AbstractList(1, W.NumberFormatValues.Decimal, "%1."),
                AbstractList(2, W.NumberFormatValues.LowerLetter, "%1)"),
                new W.NumberingInstance(new W.AbstractNumId { Val = 1 }) { NumberID = 1 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 2 }) { NumberID = 2 });
            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new W.Footnotes(
                new W.Footnote(new W.Paragraph(new W.Run(new W.SeparatorMark()))) { Type = W.FootnoteEndnoteValues.Separator, Id = -1 },
                new W.Footnote(new W.Paragraph(new W.Run(new W.ContinuationSeparatorMark()))) { Type = W.FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            for (var i = 0; i < Notes.Length; i++)
            {
                footnotes.Footnotes.Append(new W.Footnote(new W.Paragraph(
                    new W.Run(new W.RunProperties(new W.VerticalTextAlignment { Val = W.VerticalPositionValues.Superscript }), new W.FootnoteReferenceMark()),
                    new W.Run(new W.Text(" " + Notes[i].Note) { Space = SpaceProcessingModeValues.Preserve }))) { Id = i + 1 });
            }

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(new W.Paragraph(new W.Run(new W.Text(Header))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new W.Footer(new W.Paragraph(
                new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
                new W.Run(new W.FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
                new W.Run(new W.Text("1")),
                new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End })));

            var body = main.Document.Body!;
            var article = string.Empty;
            var note = 0;
            foreach (var (kind, text) in Blocks())
            {
                if (kind == "article")
                {
                    article = text;
                }

                var paragraph = new W.Paragraph();
                var words = text;
                if (kind == "paragraph" && InNumberedArticle(article, text))
                {
                    paragraph.Append(Numbered(1));
                    words = text[3..];
                }
                else if (kind == "paragraph" && InLetteredList(article, text))
                {
                    paragraph.Append(Numbered(2));
                    words = text[3..];
                }
                else if (kind is "article" or "division")
                {
                    paragraph.Append(new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Center }));
                }

                AppendRuns(paragraph, words, ref note);
                if (text.StartsWith("2. The powers and procedures referred to in this article shall be subject to Articles 14 and 15.", StringComparison.Ordinal)
                    && article == "Article 17")
                {
                    // A tracked deletion that must not be read.
                    paragraph.Append(new W.DeletedRun(new W.Run(new W.DeletedText(" Deleted words that must not be read.") { Space = SpaceProcessingModeValues.Preserve }))
                    { Author = "Fixture", Id = "1", Date = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
                }

                body.Append(paragraph);
            }

            body.Append(new W.SectionProperties(
                new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static W.AbstractNum AbstractList(int id, W.NumberFormatValues format, string text) =>
        new(new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = format }, new W.LevelText { Val = text }) { LevelIndex = 0 })
        { AbstractNumberId = id };

    private static W.ParagraphProperties Numbered(int numId) =>
        new(new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = numId }));

    private static void AppendRuns(W.Paragraph paragraph, string text, ref int note)
    {
        var rest = text;
        foreach (var (after, _) in Notes)
        {
            var at = rest.IndexOf(after, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            note++;
            paragraph.Append(new W.Run(new W.Text(rest[..(at + after.Length)]) { Space = SpaceProcessingModeValues.Preserve }));
            paragraph.Append(new W.Run(new W.RunProperties(new W.VerticalTextAlignment { Val = W.VerticalPositionValues.Superscript }), new W.FootnoteReference { Id = note }));
            rest = rest[(at + after.Length)..];
        }

        // The last words of a paragraph arrive as a tracked insertion, which is read.
        var split = rest.Length > 40 ? rest.LastIndexOf(' ') : -1;
        if (split > 0)
        {
            paragraph.Append(new W.Run(new W.Text(rest[..split]) { Space = SpaceProcessingModeValues.Preserve }));
            paragraph.Append(new W.InsertedRun(new W.Run(new W.Text(rest[split..]) { Space = SpaceProcessingModeValues.Preserve }))
            { Author = "Fixture", Id = "2", Date = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        }
        else if (rest.Length > 0)
        {
            paragraph.Append(new W.Run(new W.Text(rest) { Space = SpaceProcessingModeValues.Preserve }));
        }
    }

    public static byte[] Pdf() => new PdfLayout().Build(Blocks().ToList());

    /// <summary>Lays the excerpt out on A4 pages: a running header, a page number at the foot, body text wrapped at the
    /// right margin, footnotes in small type at the foot of the page that cites them.</summary>
    private sealed class PdfLayout
    {
        private const double Width = 595;
        private const double Height = 842;
        private const double Left = 72;
        private const double Right = 523;
        private const double Top = 770;
        private const double Bottom = 110;
        private const double Body = 10.5;
        private const double Leading = 13;
        private const double NoteSize = 8;
        private const double MarkerSize = 6;

        private readonly PdfDocumentBuilder builder = new();
        private readonly PdfDocumentBuilder.AddedFont regular;
        private readonly PdfDocumentBuilder.AddedFont bold;
        private readonly List<(int Number, string Text)> pageNotes = [];
        private PdfPageBuilder? page;
        private double y;
        private int pages;
        private int note;

        public PdfLayout()
        {
            regular = builder.AddStandard14Font(Standard14Font.Helvetica);
            bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        }

        public byte[] Build(List<(string Kind, string Text)> blocks)
        {
            NewPage();
            foreach (var (kind, text) in blocks)
            {
                var font = kind is "article" or "division" ? bold : regular;
                var size = kind is "article" or "division" ? 11 : Body;
                if (kind is "article" or "division")
                {
                    y -= Leading * 0.6;
                }

                Paragraph(text, font, size);
                y -= kind == "article" ? Leading * 0.2 : Leading * 0.5;
            }

            FinishPage();
            return builder.Build();
        }

        private void NewPage()
        {
            if (page is not null)
            {
                FinishPage();
            }

            page = builder.AddPage(Width, Height);
            pages++;
            page.AddText(Header, 8, new PdfPoint(Left, 800), regular);
            y = Top;
        }

        private void FinishPage()
        {
            var footY = 80.0;
            foreach (var (number, text) in pageNotes.AsEnumerable().Reverse())
            {
                var lines = Wrap(text, regular, NoteSize, Right - Left - 10);
                footY += Leading * 0.75 * (lines.Count - 1);
                var lineY = footY;
                page!.AddText(number.ToString(System.Globalization.CultureInfo.InvariantCulture), MarkerSize, new PdfPoint(Left, lineY + 3), regular);
                foreach (var line in lines)
                {
                    page.AddText(line, NoteSize, new PdfPoint(Left + 8, lineY), regular);
                    lineY -= Leading * 0.75;
                }

                footY += Leading * 0.75;
            }

            pageNotes.Clear();
            page!.AddText("- " + pages + " -", 9, new PdfPoint((Width / 2) - 10, 40), regular);
        }

        private void Paragraph(string text, PdfDocumentBuilder.AddedFont font, double size)
        {
            // Where a footnote marker goes: just after the words the note follows.
            var marks = Notes.Select(n => (At: text.IndexOf(n.After, StringComparison.Ordinal), n.After, n.Note))
                .Where(n => n.At >= 0).Select(n => (At: n.At + n.After.Length, n.Note)).ToList();
            var offset = 0;
            foreach (var line in Wrap(text, font, size, Right - Left))
            {
                if (y < Bottom + (pageNotes.Count * Leading * 1.6))
                {
                    NewPage();
                }

                var x = Left;
                var from = 0;
                foreach (var (at, noteText) in marks.Where(m => m.At > offset && m.At <= offset + line.Length))
                {
                    x = Draw(line[from..(at - offset)], x, y, font, size);
                    note++;
                    x = Draw(note.ToString(System.Globalization.CultureInfo.InvariantCulture), x + 0.5, y + 4, regular, MarkerSize);
                    pageNotes.Add((note, noteText));
                    from = at - offset;
                }

                Draw(line[from..], x, y, font, size);
                offset += line.Length + 1;
                y -= Leading;
            }
        }

        private double Draw(string text, double x, double baseline, PdfDocumentBuilder.AddedFont font, double size)
        {
            if (text.Length == 0)
            {
                return x;
            }

            var letters = page!.AddText(text, size, new PdfPoint(x, baseline), font);
            return letters.Count == 0 ? x : letters[^1].EndBaseLine.X;
        }

        private List<string> Wrap(string text, PdfDocumentBuilder.AddedFont font, double size, double width)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in text.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && Measure(candidate, font, size) > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            return lines;
        }

        private double Measure(string text, PdfDocumentBuilder.AddedFont font, double size)
        {
            var letters = page!.MeasureText(text, size, new PdfPoint(0, 0), font);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X;
        }
    }
}
