using System.Text;
using System.Text.RegularExpressions;

namespace ProvisionRisk.Reports;

/// <summary>Writes ranked provisions as Markdown to paste into a briefing: a summary table, then each provision with
/// its text, scores and reasons, codebook flags, the clauses it depends on, open text and precedents. Document text
/// is escaped so that it cannot turn into markup.</summary>
internal static partial class MarkdownReport
{
    private const int Reasons = 4;

    [GeneratedRegex(@"[\\`*_{}\[\]<>#|~]", RegexOptions.CultureInvariant)]
    private static partial Regex Special();

    [GeneratedRegex(@"^(\s*)(\d+)([.)])|^(\s*)([-+=])(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    public static void Write(IReadOnlyList<ScoredProvision> ranked, ReportContext context, TextWriter output)
    {
        output.WriteLine($"# Provision risk: {Escape(context.Title)}");
        output.WriteLine();
        var shown = ranked.Count == context.Scored ? $"{ranked.Count} provisions" : $"{ranked.Count} of {context.Scored} provisions ({context.Filter})";
        output.WriteLine($"{shown}, ranked by {context.RankedBy}. Probabilities are calibrated; \\* marks a score at or above the label's threshold. A triage aid, not a legal opinion.");
        output.WriteLine();
        foreach (var (document, message) in context.Warnings)
        {
            output.WriteLine($"> **Warning:** {Escape(document)}: {Escape(message)}");
            output.WriteLine();
        }

        if (ranked.Count == 0)
        {
            output.WriteLine("No provision to show.");
            return;
        }

        output.WriteLine("| # | provision | kind | " + string.Join(" | ", context.Labels.Select(ReportText.Label)) + " |");
        output.WriteLine("|---|---|---|" + string.Concat(context.Labels.Select(_ => "---|")));
        var rank = 0;
        foreach (var item in ranked)
        {
            rank++;
            output.WriteLine($"| {rank} | {Escape(item.Name)} | {Escape(item.Score.Kind ?? "-")} | "
                + string.Join(" | ", context.Labels.Select(l => Escape(ReportText.Score(item.Score.Get(l))))) + " |");
        }

        rank = 0;
        foreach (var item in ranked)
        {
            rank++;
            output.WriteLine();
            WriteProvision(rank, item, context, output);
        }
    }

    private static void WriteProvision(int rank, ScoredProvision item, ReportContext context, TextWriter output)
    {
        var s = item.Score;
        var p = s.Provision;
        output.WriteLine($"## {rank}. {Escape(item.Name)}{(p?.Heading is { } h ? " — " + Escape(h) : string.Empty)}");
        output.WriteLine();
        var where = new List<string>();
        if (item.Where.Length > 0)
        {
            where.Add(item.Where);
        }

        if (s.Kind is { } kind)
        {
            where.Add("kind: " + kind);
        }

        if (where.Count > 0)
        {
            output.WriteLine(Escape(string.Join("; ", where)));
            output.WriteLine();
        }

        output.WriteLine("> " + Escape(s.Text, lineStart: true));
        output.WriteLine();
        foreach (var l in s.Labels)
        {
            var reasons = ReportText.Evidence(l, Reasons);
            output.WriteLine($"- **{Escape(ReportText.Label(l.Label))} {Escape(ReportText.Score(l))}** (threshold {ReportText.Probability(l.Threshold)})"
                + (reasons.Length > 0 ? ": " + Escape(reasons) : string.Empty));
        }

        if (s.Flags.Count > 0)
        {
            output.WriteLine("- **Codebook flags:** " + Escape(string.Join("; ", s.Flags.Select(ReportText.Flag))));
        }

        if (p is { CrossReferences.Count: > 0 })
        {
            output.WriteLine("- **Depends on:** " + Escape(string.Join("; ", p.CrossReferences.Select(c => "\"" + c.Text + "\" → " + ReportText.CrossReference(c)))));
        }

        if (p is { OpenText.Count: > 0 })
        {
            output.WriteLine("- **Open text:** " + Escape(string.Join("; ", p.OpenText.Select(o => o.Text))));
            foreach (var a in s.Alternatives)
            {
                output.WriteLine("  - " + Escape(ReportText.Alternative(a)));
            }
        }

        foreach (var precedent in s.Precedents)
        {
            output.WriteLine("- **Reads like** " + Escape(ReportText.Precedent(precedent)) + (precedent.Provision.Rationale is { } r ? ": " + Escape(r) : string.Empty));
        }

        foreach (var note in p?.Notes ?? [])
        {
            output.WriteLine($"- **Note {Escape(note.Marker)}:** {Escape(note.Text)}");
        }
    }

    /// <summary>Escapes Markdown's special characters inside a line.</summary>
    internal static string Escape(string text) => Escape(text, lineStart: false);

    /// <summary>Escapes Markdown's special characters; at the start of a line also a number or sign that would start a list.</summary>
    internal static string Escape(string text, bool lineStart)
    {
        var single = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var escaped = Special().Replace(single, m => "\\" + m.Value);
        return !lineStart ? escaped : LeadingNumber().Replace(escaped, m => m.Groups[2].Success ? m.Groups[1].Value + m.Groups[2].Value + "\\" + m.Groups[3].Value : m.Groups[4].Value + "\\" + m.Groups[5].Value);
    }
}
