using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace ProvisionRisk.Documents;

/// <summary>
/// Converts the text layer of a PDF to the segmenter's plain text, one paragraph a line: lines are rebuilt from letters,
/// running headers, footers and page numbers are dropped, footnotes at the foot of a page become notes of the
/// provisions citing them, and a paragraph runs on across lines and pages until a gap, a short line, a change of type
/// size or a new numbered unit ends it. Page starts are recorded.
/// </summary>
internal static partial class PdfTextExtractor
{
    private const double FootnoteType = 0.88;
    private const double ParagraphGap = 1.45;

    [GeneratedRegex(@"^(?:\d{1,3}|[*†‡]{1,3})[.)]?\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex NoteNumber();

    [GeneratedRegex(@"(?:[.;:]|[,;]\s+(?:and|or))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ListItemEnd();

    [GeneratedRegex(@"^(?:Article|ARTICLE|Art\.|Section|SECTION|Sec\.|§|PART|Part|CHAPTER|Chapter|TITLE|Title|SCHEDULE|Schedule)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnitHeader();

    public static ExtractedText Extract(Stream stream)
    {
        using var pdf = PdfDocument.Open(stream, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var pages = new List<(IReadOnlyList<PdfLine> Lines, double Height)>();
        var images = false;
        foreach (var page in pdf.GetPages())
        {
            var lines = PdfLineBuilder.Lines(page);
            images |= lines.Count == 0 && page.GetImages().Any();
            pages.Add((lines, page.Height));
        }

        if (pages.All(p => p.Lines.Count == 0))
        {
            throw new InvalidDataException(images
                ? "the PDF has no text layer (its pages are images, as in a scan); run OCR on it first"
                : "the PDF has no text");
        }

        var furniture = PdfPageFurniture.Find(pages);
        var body = pages.Select(p => p.Lines.Where(l => !furniture.Contains(l)).ToList()).ToList();
        var bodySize = Mode(body.SelectMany(p => p).Select(l => (l.Size, l.Text.Length)));
        var notes = new Dictionary<(int Page, string Marker), string>();
        for (var p = 0; p < body.Count; p++)
        {
            body[p] = TakeFootnotes(body[p], bodySize, p, notes);
        }

        return Assemble(body, bodySize, notes);
    }

    /// <summary>Removes the footnotes at the foot of a page (smaller type, the first starting with a marker) and keeps their words.</summary>
    private static List<PdfLine> TakeFootnotes(List<PdfLine> lines, double bodySize, int page, Dictionary<(int, string), string> notes)
    {
        var first = lines.Count;
        while (first > 0 && lines[first - 1].Size <= FootnoteType * bodySize)
        {
            first--;
        }

        if (first == lines.Count || first == 0 || NoteStart(lines[first]) is null)
        {
            return lines;
        }

        string? marker = null;
        foreach (var line in lines.Skip(first))
        {
            if (NoteStart(line) is { } start)
            {
                marker = start.Marker;
                notes[(page, marker)] = start.Words;
            }
            else if (marker is not null)
            {
                notes[(page, marker)] = JoinLines(notes[(page, marker)], line.Text);
            }
        }

        return lines.Take(first).ToList();
    }

    private static (string Marker, string Words)? NoteStart(PdfLine line)
    {
        if (line.Markers.Count > 0 && line.Markers[0].Offset == 0)
        {
            return (line.Markers[0].Marker, line.Text.Trim());
        }

        var m = NoteNumber().Match(line.Text);
        return m.Success ? (m.Value.Trim().TrimEnd('.', ')'), line.Text[m.Length..]) : null;
    }

    private static ExtractedText Assemble(List<List<PdfLine>> pages, double bodySize, Dictionary<(int Page, string Marker), string> notes)
    {
        var builder = new TextBuilder();
        var rights = pages.SelectMany(p => p).Where(l => Math.Abs(l.Size - bodySize) <= 0.1 * bodySize).Select(l => l.Right).Order().ToList();
        var rightMargin = rights.Count == 0 ? double.MaxValue : rights[(int)(rights.Count * 0.95)];
        var pitch = LinePitch(pages, bodySize);
        var cited = new List<(int Page, string Marker)>();
        PdfLine? previous = null;
        for (var p = 0; p < pages.Count; p++)
        {
            builder.StartPage();
            var samePage = false;
            foreach (var line in pages[p])
            {
                if (previous is null || Breaks(previous, line, samePage, pitch, rightMargin))
                {
                    builder.EndParagraph();
                }
                else if (!HyphenJoin(previous.Text, line.Text))
                {
                    builder.Space();
                }

                var at = 0;
                foreach (var (offset, marker) in line.Markers)
                {
                    builder.Append(line.Text[at..offset]);
                    builder.Cite(Key(p, marker), marker);
                    cited.Add((p, marker));
                    at = offset;
                }

                builder.Append(line.Text[at..]);
                previous = line;
                samePage = true;
            }
        }

        foreach (var (page, marker) in cited.Distinct())
        {
            // A note is printed on the page that cites it, or (when it runs over) near it.
            var note = notes.Where(n => n.Key.Marker == marker).OrderBy(n => Math.Abs(n.Key.Page - page)).Select(n => n.Value).FirstOrDefault();
            if (note is not null && !builder.HasNote(Key(page, marker)))
            {
                builder.SetNote(Key(page, marker), note);
            }
        }

        return builder.Build();
    }

    private static string Key(int page, string marker) => page.ToString(CultureInfo.InvariantCulture) + ":" + marker;

    private static bool Breaks(PdfLine previous, PdfLine line, bool samePage, double pitch, double rightMargin)
    {
        var size = Math.Max(previous.Size, line.Size);
        if (Math.Abs(previous.Size - line.Size) > 0.15 * size)
        {
            return true;
        }

        if (samePage && (previous.Y - line.Y > ParagraphGap * pitch || line.Y >= previous.Y))
        {
            return true;
        }

        // The previous line ended early although this line's first word would have fitted on it.
        if (previous.Right + (0.3 * size) + line.FirstWordWidth < rightMargin - (0.2 * size))
        {
            return true;
        }

        // A numbered unit after the end of a sentence or list item starts a paragraph even when the line above is full.
        return ListItemEnd().IsMatch(previous.Text) && (UnitHeader().IsMatch(line.Text) || NumberingMarker.Parse(line.Text) is not null);
    }

    /// <summary>The distance between the baselines of consecutive lines of a paragraph: the lower quartile of the gaps
    /// between body lines (paragraph spacing makes the others larger).</summary>
    private static double LinePitch(List<List<PdfLine>> pages, double bodySize)
    {
        var gaps = new List<double>();
        foreach (var lines in pages)
        {
            for (var i = 1; i < lines.Count; i++)
            {
                var d = lines[i - 1].Y - lines[i].Y;
                if (d > 0 && Math.Abs(lines[i].Size - bodySize) <= 0.1 * bodySize && Math.Abs(lines[i - 1].Size - bodySize) <= 0.1 * bodySize)
                {
                    gaps.Add(d);
                }
            }
        }

        if (gaps.Count == 0)
        {
            return bodySize * 1.2;
        }

        gaps.Sort();
        return gaps[gaps.Count / 4];
    }

    private static bool HyphenJoin(string previous, string next) =>
        previous.Length > 1 && previous[^1] == '-' && char.IsLetter(previous[^2]) && next.Length > 0 && char.IsLower(next[0]);

    private static string JoinLines(string a, string b) => HyphenJoin(a, b) ? a + b : a + " " + b;

    private static double Mode(IEnumerable<(double Size, int Weight)> sizes)
    {
        var best = sizes.GroupBy(s => Math.Round(s.Size * 2) / 2).Select(g => (g.Key, Weight: g.Sum(s => s.Weight)))
            .OrderByDescending(g => g.Weight).FirstOrDefault();
        return best.Weight > 0 ? best.Key : 10;
    }

}
