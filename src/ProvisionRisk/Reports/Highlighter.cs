using System.Net;
using System.Text;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Reports;

/// <summary>
/// Renders a provision's text as escaped HTML with its evidence marked: words that raise a score, words that lower
/// it, open (bracketed) text and cross-references. Overlapping spans are cut into pieces so that every piece carries
/// the marks of all the spans covering it.
/// </summary>
internal static class Highlighter
{
    public static string Render(ProvisionScore score)
    {
        var text = score.Text;
        var spans = new List<(int Start, int End, string Class, string Title)>();
        foreach (var label in score.Labels)
        {
            foreach (var e in label.Evidence)
            {
                foreach (var r in e.Spans)
                {
                    spans.Add((r.Start, r.End, e.Weight >= 0 ? "raise" : "lower", ReportText.Label(label.Label) + ": " + e.Feature + " " + ReportText.Weight(e.Weight)));
                }
            }
        }

        if (score.Provision is { } p && string.Equals(p.Text, text, StringComparison.Ordinal))
        {
            spans.AddRange(p.OpenText.Select(o => (o.Start, o.End, "open", "open text: " + o.Alternatives.Count + " readings")));
            spans.AddRange(p.CrossReferences.Select(c => (c.Start, c.End, "xref", "refers to " + c.Target)));
        }

        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var s in spans.Where(s => s.Start >= 0 && s.End <= text.Length && s.Start < s.End))
        {
            cuts.Add(s.Start);
            cuts.Add(s.End);
        }

        var html = new StringBuilder();
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (a, b) = (points[i], points[i + 1]);
            var covering = spans.Where(s => s.Start <= a && s.End >= b && s.Start < s.End).ToList();
            var piece = WebUtility.HtmlEncode(text[a..b]);
            if (covering.Count == 0)
            {
                html.Append(piece);
                continue;
            }

            var classes = covering.Select(s => s.Class).Distinct(StringComparer.Ordinal).ToList();
            if (classes.Contains("raise") && classes.Contains("lower"))
            {
                // Words that raise one score and lower another are shown as raising: the reader's attention goes there first.
                classes.Remove("lower");
            }

            var title = string.Join("; ", covering.Select(s => s.Title).Distinct(StringComparer.Ordinal));
            html.Append("<mark class=\"").Append(string.Join(' ', classes)).Append("\" title=\"").Append(WebUtility.HtmlEncode(title)).Append("\">")
                .Append(piece).Append("</mark>");
        }

        return html.ToString();
    }
}
