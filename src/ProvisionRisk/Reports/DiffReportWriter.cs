using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using ProvisionRisk.Comparison;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Reports;

/// <summary>
/// Writes a draft comparison in any report format: each added, removed, changed or renumbered provision with its
/// word-level redline and score changes, largest change in risk first. <see cref="ReportOptions.Top"/> keeps the largest
/// changes, <see cref="ReportOptions.Label"/> ranks by that label's change, and <see cref="ReportOptions.MinScore"/> is
/// the smallest change in probability shown. Plain-text formats mark deletions <c>[-so-]</c> and insertions <c>{+so+}</c>.
/// </summary>
public static class DiffReportWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="comparison"/>.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="output">The destination; it is left open.</param>
    /// <param name="format">The report format.</param>
    /// <param name="options">What to show; null shows every change.</param>
    /// <param name="includeUnchanged">Whether provisions that did not change are listed too.</param>
    /// <exception cref="ArgumentException">An option is out of range or names an unknown label.</exception>
    public static void Write(DraftComparison comparison, TextWriter output, ReportFormat format, ReportOptions? options = null, bool includeUnchanged = false)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(output);
        options ??= ReportOptions.Default;
        if (comparison.Labels.Count > 0 || options.Label is not null)
        {
            options.Validate(comparison.Labels);
        }

        var shown = Select(comparison, options, includeUnchanged);
        switch (format)
        {
            case ReportFormat.Table:
                WriteTable(comparison, shown, output);
                break;
            case ReportFormat.Jsonl:
                foreach (var c in shown)
                {
                    output.WriteLine(Json(w => WriteChange(w, c, comparison.Labels), indented: false));
                }

                break;
            case ReportFormat.Json:
                output.WriteLine(Json(w => WriteDocument(w, comparison, shown), indented: true));
                break;
            case ReportFormat.Csv:
                WriteCsv(comparison, shown, output);
                break;
            case ReportFormat.Markdown:
                WriteMarkdown(comparison, shown, output, options);
                break;
            case ReportFormat.Html:
                WriteHtml(comparison, shown, output, options);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format");
        }

        output.Flush();
    }

    /// <summary>The redline in plain text: <c>[-deleted-]</c> and <c>{+inserted+}</c>.</summary>
    /// <param name="redline">The redline.</param>
    /// <returns>The marked-up words.</returns>
    public static string PlainRedline(IReadOnlyList<RedlineSegment> redline)
    {
        ArgumentNullException.ThrowIfNull(redline);
        return string.Join(' ', redline.Select(s => s.Operation switch
        {
            RedlineOperation.Deleted => "[-" + s.Text + "-]",
            RedlineOperation.Inserted => "{+" + s.Text + "+}",
            _ => s.Text,
        }));
    }

    private static List<ProvisionChange> Select(DraftComparison comparison, ReportOptions options, bool includeUnchanged)
    {
        double Risk(ProvisionChange c) => options.Label is { } l && comparison.Labels.Count > 0 ? c.Change(l) : c.RiskChange;
        var selected = comparison.Changes
            .Where(c => includeUnchanged || c.Kind != ChangeKind.Unchanged)
            .Where(c => options.MinScore is not { } min || Math.Abs(Risk(c)) >= min);
        if (options.Label is not null)
        {
            selected = selected.OrderByDescending(c => Math.Abs(Risk(c)));
        }

        return (options.Top is { } top ? selected.Take(top) : selected).ToList();
    }

    private static string Change(double delta) => delta.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Kind(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    private static string Scores(ProvisionChange c, IReadOnlyList<string> labels) =>
        string.Join(", ", labels.Select(l => ReportText.Label(l) + " " + Before(c.OldScore, l) + " → " + Before(c.NewScore, l) + " (" + Change(c.Change(l)) + ")"));

    private static string Before(ProvisionScore? s, string label) => s is null ? "–" : ReportText.Score(s.Get(label));

    private static string Summary(DraftComparison comparison) =>
        $"{comparison.Count(ChangeKind.Added)} added, {comparison.Count(ChangeKind.Removed)} removed, {comparison.Count(ChangeKind.Changed)} changed, "
        + $"{comparison.Count(ChangeKind.Renumbered)} renumbered, {comparison.Count(ChangeKind.Unchanged)} unchanged";

    private static void WriteTable(DraftComparison comparison, List<ProvisionChange> shown, TextWriter output)
    {
        output.WriteLine($"{comparison.Old} → {comparison.New}: {Summary(comparison)}");
        var header = new StringBuilder($"{"#",4}  {"change",-10} {"provision",-40}");
        foreach (var l in comparison.Labels)
        {
            header.Append(CultureInfo.InvariantCulture, $" {Shorten("Δ " + l, 14),14}");
        }

        output.WriteLine(header.Append("  words").ToString());
        var rank = 0;
        foreach (var c in shown)
        {
            rank++;
            var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{rank,4}  {Kind(c.Kind),-10} {Shorten(c.Name, 40),-40}"));
            foreach (var l in comparison.Labels)
            {
                line.Append(CultureInfo.InvariantCulture, $" {Change(c.Change(l)),14}");
            }

            var inserted = c.Redline.Where(s => s.Operation == RedlineOperation.Inserted).Sum(s => s.Text.Split(' ').Length);
            var deleted = c.Redline.Where(s => s.Operation == RedlineOperation.Deleted).Sum(s => s.Text.Split(' ').Length);
            output.WriteLine(line.Append(CultureInfo.InvariantCulture, $"  +{inserted} -{deleted}").ToString());
        }

        output.WriteLine();
        output.WriteLine($"{shown.Count} changes shown; Δ = change in probability (later minus earlier).");
    }

    private static string Json(Action<Utf8JsonWriter> write, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOptions.Encoder, Indented = indented }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDocument(Utf8JsonWriter w, DraftComparison comparison, List<ProvisionChange> shown)
    {
        w.WriteStartObject();
        w.WriteNumber("schema", 1);
        w.WriteString("old", comparison.Old);
        w.WriteString("new", comparison.New);
        ScoreJson.WriteStrings(w, "labels", comparison.Labels);
        w.WriteStartObject("counts");
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            w.WriteNumber(Kind(kind), comparison.Count(kind));
        }

        w.WriteEndObject();
        w.WriteStartArray("changes");
        foreach (var c in shown)
        {
            WriteChange(w, c, comparison.Labels);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter w, ProvisionChange c, IReadOnlyList<string> labels)
    {
        w.WriteStartObject();
        w.WriteNumber("schema", 1);
        w.WriteString("change", Kind(c.Kind));
        WriteSide(w, "old", c.Old, c.OldScore);
        WriteSide(w, "new", c.New, c.NewScore);
        w.WriteNumber("similarity", c.Similarity);
        w.WriteNumber("riskChange", Math.Round(c.RiskChange, 4));
        w.WriteStartObject("scoreChanges");
        foreach (var l in labels)
        {
            w.WriteNumber(l, Math.Round(c.Change(l), 4));
        }

        w.WriteEndObject();
        w.WriteStartArray("redline");
        foreach (var s in c.Redline)
        {
            w.WriteStartObject();
            w.WriteString("op", s.Operation.ToString().ToLowerInvariant());
            w.WriteString("text", s.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter w, string name, Documents.Provision? p, ProvisionScore? s)
    {
        if (p is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("id", p.Id);
        w.WriteString("ref", p.Ref);
        w.WriteNumber("line", p.Line);
        if (p.Page is { } page)
        {
            w.WriteNumber("page", page);
        }

        w.WriteString("text", p.Text);
        if (s is not null)
        {
            w.WriteStartObject("scores");
            foreach (var l in s.Labels)
            {
                w.WriteNumber(l.Label, Math.Round(l.Probability, 4));
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteCsv(DraftComparison comparison, List<ProvisionChange> shown, TextWriter output)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.Escape }, leaveOpen: true);
        var header = new List<string> { "change", "old_ref", "new_ref", "old_line", "new_line", "similarity" };
        foreach (var l in comparison.Labels)
        {
            header.AddRange([l + "_old", l + "_new", l + "_change"]);
        }

        header.AddRange(["risk_change", "redline"]);
        csv.WriteRecord(header.ToArray());
        foreach (var c in shown)
        {
            var row = new List<string>
            {
                Kind(c.Kind), c.Old?.Ref ?? string.Empty, c.New?.Ref ?? string.Empty,
                c.Old?.Line.ToString(CultureInfo.InvariantCulture) ?? string.Empty, c.New?.Line.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                c.Similarity.ToString("0.0000", CultureInfo.InvariantCulture),
            };
            foreach (var l in comparison.Labels)
            {
                row.Add(c.OldScore?[l].ToString("0.0000", CultureInfo.InvariantCulture) ?? string.Empty);
                row.Add(c.NewScore?[l].ToString("0.0000", CultureInfo.InvariantCulture) ?? string.Empty);
                row.Add(c.Change(l).ToString("0.0000", CultureInfo.InvariantCulture));
            }

            row.Add(c.RiskChange.ToString("0.0000", CultureInfo.InvariantCulture));
            row.Add(PlainRedline(c.Redline));
            csv.WriteRecord(row.ToArray());
        }

        csv.Flush();
    }

    private static void WriteMarkdown(DraftComparison comparison, List<ProvisionChange> shown, TextWriter output, ReportOptions options)
    {
        var e = (Func<string, string>)MarkdownReport.Escape;
        output.WriteLine($"# Draft comparison: {e(options.Title ?? comparison.Old + " → " + comparison.New)}");
        output.WriteLine();
        output.WriteLine(e(Summary(comparison)) + ". Largest change in risk first; ~~struck~~ words were deleted, **bold** words inserted.");
        output.WriteLine();
        if (shown.Count == 0)
        {
            output.WriteLine("No change to show.");
            return;
        }

        output.WriteLine("| # | change | provision | " + string.Join(" | ", comparison.Labels.Select(l => "Δ " + ReportText.Label(l))) + " |");
        output.WriteLine("|---|---|---|" + string.Concat(comparison.Labels.Select(_ => "---|")));
        var rank = 0;
        foreach (var c in shown)
        {
            rank++;
            output.WriteLine($"| {rank} | {Kind(c.Kind)} | {e(c.Name)} | " + string.Join(" | ", comparison.Labels.Select(l => Change(c.Change(l)))) + " |");
        }

        rank = 0;
        foreach (var c in shown)
        {
            rank++;
            output.WriteLine();
            output.WriteLine($"## {rank}. {e(c.Name)} ({Kind(c.Kind)})");
            output.WriteLine();
            if (comparison.Labels.Count > 0)
            {
                output.WriteLine(e(Scores(c, comparison.Labels)));
                output.WriteLine();
            }

            output.WriteLine("> " + string.Join(' ', c.Redline.Select(s => s.Operation switch
            {
                RedlineOperation.Deleted => "~~" + e(s.Text) + "~~",
                RedlineOperation.Inserted => "**" + e(s.Text) + "**",
                _ => e(s.Text),
            })));
        }
    }

    private static void WriteHtml(DraftComparison comparison, List<ProvisionChange> shown, TextWriter output, ReportOptions options)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var title = options.Title ?? comparison.Old + " → " + comparison.New;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        html.Append("<title>Draft comparison: ").Append(E(title)).Append("</title>\n<style>");
        html.Append("body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1d1d1f;line-height:1.45}header{background:#fff;border-bottom:1px solid #ddd;padding:1rem 2rem;position:sticky;top:0}");
        html.Append("main{padding:1rem 2rem;max-width:70rem}article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8rem 1.2rem;margin:0 0 1rem}");
        html.Append("del{background:#fbd5d0;color:#8b1a1a}ins{background:#d5f0dc;color:#145a32;text-decoration:none}.up{color:#a61b1b;font-weight:600}.down{color:#1e7b45;font-weight:600}");
        html.Append("blockquote{margin:.5rem 0;padding:.5rem .8rem;border-left:3px solid #bbb;background:#fafafa}.muted{color:#777}");
        html.Append("</style>\n</head>\n<body>\n<header>\n<h1>Draft comparison: ").Append(E(title)).Append("</h1>\n<p>").Append(E(Summary(comparison)))
            .Append(". Largest change in risk first.</p>\n<form><label>Change <select id=\"f-kind\"><option value=\"\">any</option>");
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            html.Append("<option value=\"").Append(Kind(kind)).Append("\">").Append(Kind(kind)).Append("</option>");
        }

        html.Append("</select></label></form>\n</header>\n<main>\n");
        var rank = 0;
        foreach (var c in shown)
        {
            rank++;
            html.Append("<article class=\"change\" data-kind=\"").Append(Kind(c.Kind)).Append("\">\n<h2>").Append(rank.ToString(CultureInfo.InvariantCulture)).Append(". ")
                .Append(E(c.Name)).Append(" <span class=\"muted\">").Append(Kind(c.Kind)).Append("</span></h2>\n");
            if (comparison.Labels.Count > 0)
            {
                html.Append("<p>");
                foreach (var l in comparison.Labels)
                {
                    var delta = c.Change(l);
                    html.Append(E(ReportText.Label(l))).Append(' ').Append(E(Before(c.OldScore, l))).Append(" → ").Append(E(Before(c.NewScore, l)))
                        .Append(" <span class=\"").Append(delta > 0 ? "up" : delta < 0 ? "down" : "muted").Append("\">").Append(Change(delta)).Append("</span>; ");
                }

                html.Append("</p>\n");
            }

            html.Append("<blockquote>");
            foreach (var s in c.Redline)
            {
                html.Append(s.Operation switch
                {
                    RedlineOperation.Deleted => "<del>" + E(s.Text) + "</del> ",
                    RedlineOperation.Inserted => "<ins>" + E(s.Text) + "</ins> ",
                    _ => E(s.Text) + " ",
                });
            }

            html.Append("</blockquote>\n</article>\n");
        }

        if (shown.Count == 0)
        {
            html.Append("<p>No change to show.</p>\n");
        }

        html.Append("</main>\n<script>(function(){var k=document.getElementById('f-kind');k.addEventListener('change',function(){var a=document.querySelectorAll('article.change');")
            .Append("for(var i=0;i<a.length;i++){a[i].hidden=!!k.value&&a[i].getAttribute('data-kind')!==k.value;}});})();</script>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static string Shorten(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
