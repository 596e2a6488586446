using UglyToad.PdfPig.Content;

namespace ProvisionRisk.Documents;

/// <summary>
/// Rebuilds the lines of a PDF page from its letters: letters sharing a baseline form a line, read left to right,
/// with a space wherever a space glyph or a gap separates them. Small raised digits and symbols just above a line
/// (<c>instruments¹</c>) are footnote markers: they are taken out of the words and remembered.
/// </summary>
internal static class PdfLineBuilder
{
    private const double SameLine = 0.3;
    private const double WordGap = 0.15;
    private const double SmallType = 0.82;

    public static List<PdfLine> Lines(Page page)
    {
        var glyphs = page.Letters
            .Select(l => new Glyph(l.Value, l.StartBaseLine.X, Math.Max(l.EndBaseLine.X, l.StartBaseLine.X + l.Width), l.StartBaseLine.Y,
                l.PointSize > 0 ? l.PointSize : Math.Max(l.FontSize, 1)))
            .Where(g => g.Value.Length > 0)
            .OrderByDescending(g => g.Y).ThenBy(g => g.Left)
            .ToList();
        var rows = new List<Row>();
        foreach (var g in glyphs)
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            if (row is not null && Math.Abs(row.Y - g.Y) <= SameLine * Math.Max(row.Size, g.Size))
            {
                row.Glyphs.Add(g);
            }
            else
            {
                rows.Add(new Row(g.Y) { Glyphs = { g } });
            }
        }

        MergeRaisedMarkers(rows);
        return rows.Select(Build).Where(l => l is not null).Select(l => l!).ToList();
    }

    /// <summary>A row of small type just above a line, within its width, holds that line's superscripts.</summary>
    private static void MergeRaisedMarkers(List<Row> rows)
    {
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            var raised = rows[i];
            var below = rows[i + 1];
            var size = below.Size;
            if (raised.Size <= SmallType * size && raised.Y > below.Y && raised.Y - below.Y <= 0.75 * size
                && raised.Glyphs.All(g => IsMarkerCharacter(g.Value)) && raised.Left >= below.Left - size && raised.Left <= below.Right + size)
            {
                foreach (var g in raised.Glyphs)
                {
                    below.Glyphs.Add(g with { Raised = true });
                }

                rows.RemoveAt(i);
                i--;
            }
        }
    }

    private static bool IsMarkerCharacter(string value) => value.All(c => char.IsDigit(c) || c is '*' or '†' or '‡' or ' ');

    private static PdfLine? Build(Row row)
    {
        var glyphs = row.Glyphs.OrderBy(g => g.Left).ToList();
        var size = Mode(glyphs.Where(g => !g.Raised && !string.IsNullOrWhiteSpace(g.Value)).Select(g => g.Size));
        var baseline = glyphs.Where(g => !g.Raised && g.Size > SmallType * size).Select(g => g.Y).DefaultIfEmpty(row.Y).Average();
        var text = new System.Text.StringBuilder();
        var markers = new List<(int, string)>();
        double? previousRight = null;
        var pendingSpace = false;
        var firstWordEnd = double.NaN;
        double left = double.NaN;
        double right = double.NaN;
        for (var i = 0; i < glyphs.Count; i++)
        {
            var g = glyphs[i];
            if (string.IsNullOrWhiteSpace(g.Value))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (previousRight is { } r && g.Left - r > WordGap * size)
            {
                pendingSpace = text.Length > 0;
            }

            if (g.Raised || (g.Size <= SmallType * size && g.Y - baseline > 0.2 * size && IsMarkerCharacter(g.Value)))
            {
                // A run of raised marker glyphs: remember it where it stands, between the words.
                var run = new System.Text.StringBuilder(g.Value);
                var end = g.Right;
                while (i + 1 < glyphs.Count && glyphs[i + 1].Raised && !string.IsNullOrWhiteSpace(glyphs[i + 1].Value))
                {
                    i++;
                    run.Append(glyphs[i].Value);
                    end = glyphs[i].Right;
                }

                markers.Add((text.Length, run.ToString().Trim()));
                previousRight = end;
                continue;
            }

            if (pendingSpace)
            {
                if (double.IsNaN(firstWordEnd))
                {
                    firstWordEnd = previousRight ?? g.Left;
                }

                text.Append(' ');
                pendingSpace = false;
            }

            if (double.IsNaN(left))
            {
                left = g.Left;
            }

            text.Append(g.Value);
            previousRight = g.Right;
            right = g.Right;
        }

        if (text.Length == 0 && markers.Count == 0)
        {
            return null;
        }

        if (double.IsNaN(left))
        {
            left = glyphs[0].Left;
            right = glyphs[^1].Right;
        }

        return new PdfLine
        {
            Y = baseline,
            Left = left,
            Right = right,
            Size = size > 0 ? size : glyphs.Max(g => g.Size),
            FirstWordWidth = (double.IsNaN(firstWordEnd) ? right : firstWordEnd) - left,
            Text = text.ToString(),
            Markers = markers,
        };
    }

    private static double Mode(IEnumerable<double> sizes)
    {
        var rounded = sizes.Select(s => Math.Round(s * 2) / 2).ToList();
        return rounded.Count == 0 ? 0 : rounded.GroupBy(s => s).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
    }

    private sealed record Glyph(string Value, double Left, double Right, double Y, double Size)
    {
        public bool Raised { get; init; }
    }

    private sealed class Row(double y)
    {
        public double Y { get; } = y;

        public List<Glyph> Glyphs { get; init; } = [];

        public double Size => Glyphs.Max(g => g.Size);

        public double Left => Glyphs.Min(g => g.Left);

        public double Right => Glyphs.Max(g => g.Right);
    }
}
