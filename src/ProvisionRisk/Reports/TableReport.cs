using System.Globalization;
using System.Text;

namespace ProvisionRisk.Reports;

/// <summary>Writes ranked provisions as an aligned plain-text table with each provision's strongest reasons.</summary>
internal static class TableReport
{
    public static void Write(IReadOnlyList<ScoredProvision> ranked, ReportContext context, TextWriter output)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"#",4}  {"provision",-34} {"kind",-17}");
        foreach (var l in context.Labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {Shorten(l, 12),12}");
        }

        sb.Append("  reasons");
        output.WriteLine(sb.ToString());
        var rank = 0;
        foreach (var item in ranked)
        {
            rank++;
            var s = item.Score;
            sb.Clear();
            sb.Append(CultureInfo.InvariantCulture, $"{rank,4}  {Shorten(item.Name, 34),-34} {Shorten(s.Kind ?? "-", 17),-17}");
            foreach (var l in context.Labels)
            {
                var ls = s.Get(l);
                sb.Append(CultureInfo.InvariantCulture, $" {ls.Probability,11:0.00}{(ls.Flagged ? "*" : " ")}");
            }

            var top = context.Options.Label is { } focus ? s.Get(focus) : s.Labels.OrderByDescending(l => l.Probability).First();
            var reasons = top.Evidence.Where(e => e.Weight > 0).Take(3).Select(e => e.Feature);
            sb.Append("  ").Append(top.Label).Append(": ").Append(string.Join(", ", reasons));
            if (s.Provision is { OpenText.Count: > 0 })
            {
                sb.Append(" [open text]");
            }

            output.WriteLine(sb.ToString());
        }

        output.WriteLine();
        var filter = context.Filter;
        output.WriteLine(ranked.Count == context.Scored
            ? $"{ranked.Count} provisions; * = at or above the label's threshold."
            : $"{ranked.Count} of {context.Scored} provisions ({filter}); * = at or above the label's threshold.");
        foreach (var (document, message) in context.Warnings)
        {
            output.WriteLine($"warning: {document}: {message}");
        }
    }

    private static string Shorten(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
