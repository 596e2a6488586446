using System.Text.RegularExpressions;

namespace ProvisionRisk.Documents;

/// <summary>
/// Finds the page furniture of a PDF: running headers and footers (the same words, digits aside, at the same height
/// on many pages) and page numbers (<c>12</c>, <c>- 12 -</c>, <c>Page 12 of 60</c>) among the first and last lines of
/// each page. Only lines set apart from the body (near the edge of the page, or by a gap) are candidates.
/// </summary>
internal static partial class PdfPageFurniture
{
    private const int EdgeLines = 2;
    private const double EdgeShare = 0.12;

    [GeneratedRegex(@"^(?:page\s+)?[-–—]?\s*(?:\d{1,5}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,5})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <summary>Returns the furniture lines of every page.</summary>
    /// <param name="pages">Each page's lines, top to bottom, with the page's height.</param>
    public static HashSet<PdfLine> Find(IReadOnlyList<(IReadOnlyList<PdfLine> Lines, double Height)> pages)
    {
        var candidates = new List<(PdfLine Line, int Page)>();
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var line in Edges(pages[p].Lines, pages[p].Height))
            {
                candidates.Add((line, p));
            }
        }

        var needed = Math.Max(2, (int)Math.Ceiling(pages.Count * 0.4));
        var furniture = candidates.Where(c => PageNumber().IsMatch(c.Line.Text.Trim())).Select(c => c.Line).ToHashSet();
        foreach (var group in candidates.GroupBy(c => Key(c.Line), StringComparer.Ordinal))
        {
            // The same words on many pages; or words whose number follows the page number ("Page 3", "ETS 185 – 3").
            foreach (var same in group.GroupBy(c => c.Line.Text, StringComparer.Ordinal).Where(g => g.Count() >= needed))
            {
                furniture.UnionWith(same.Select(c => c.Line));
            }

            var byOffset = group.Select(c => (c.Line, Offset: LastNumber(c.Line.Text) - c.Page))
                .Where(c => c.Offset is not null).GroupBy(c => c.Offset).Where(g => g.Count() >= needed);
            foreach (var numbered in byOffset)
            {
                furniture.UnionWith(numbered.Select(c => c.Line));
            }
        }

        return furniture;
    }

    private static int? LastNumber(string text)
    {
        var numbers = Digits().Matches(text);
        return numbers.Count > 0 && int.TryParse(numbers[^1].Value, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The first and last lines of a page that stand apart from the body.</summary>
    private static IEnumerable<PdfLine> Edges(IReadOnlyList<PdfLine> lines, double height)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        var pitch = MedianPitch(lines);
        var result = new List<PdfLine>();
        for (var i = 0; i < Math.Min(EdgeLines, lines.Count); i++)
        {
            var next = i + 1 < lines.Count ? lines[i + 1] : null;
            if (lines[i].Y >= height * (1 - EdgeShare) || (next is not null && lines[i].Y - next.Y > 1.8 * pitch))
            {
                result.Add(lines[i]);
            }
            else
            {
                break;
            }
        }

        for (var i = lines.Count - 1; i >= Math.Max(0, lines.Count - EdgeLines); i--)
        {
            var previous = i > 0 ? lines[i - 1] : null;
            if (lines[i].Y <= height * EdgeShare || (previous is not null && previous.Y - lines[i].Y > 1.8 * pitch))
            {
                result.Add(lines[i]);
            }
            else
            {
                break;
            }
        }

        return result.Distinct();
    }

    internal static double MedianPitch(IReadOnlyList<PdfLine> lines)
    {
        var gaps = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            var d = lines[i - 1].Y - lines[i].Y;
            if (d > 0)
            {
                gaps.Add(d);
            }
        }

        if (gaps.Count == 0)
        {
            return lines.Count > 0 ? lines[0].Size * 1.2 : 12;
        }

        gaps.Sort();
        return gaps[gaps.Count / 2];
    }

    /// <summary>Same words with any number, at about the same height.</summary>
    private static string Key(PdfLine line) =>
        Digits().Replace(line.Text.ToLowerInvariant(), "#") + "@" + Math.Round(line.Y / 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
