using System.Globalization;
using System.Net;
using System.Text;

namespace ProvisionRisk.Reports;

/// <summary>
/// Writes ranked provisions as one self-contained HTML page (inline style and script, nothing loaded from elsewhere):
/// filters by flagged label, kind and open text; each provision with its scores, its text with the evidence
/// highlighted (raising in red, lowering in green, open text and cross-references marked), the codebook flags its
/// precedents suggest, the clauses it depends on (linked when they are in the report), the scores of each open-text
/// alternative, its precedents and its notes. Every piece of document text is HTML-escaped.
/// </summary>
internal static class HtmlReport
{
    private const int Reasons = 6;

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4;line-height:1.45}
        header{background:#fff;border-bottom:1px solid #ddd;padding:1rem 2rem;position:sticky;top:0;z-index:1}
        h1{font-size:1.3rem;margin:0 0 .3rem}main{padding:1rem 2rem;max-width:70rem}
        .summary{margin:.2rem 0;color:#555}.warning{background:#fff3cd;border:1px solid #e0c36a;padding:.4rem .7rem;margin:.4rem 0}
        form{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin-top:.5rem}
        article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8rem 1.2rem;margin:0 0 1rem}
        article h2{font-size:1.05rem;margin:.1rem 0}.rank{color:#888;margin-right:.4rem}.where{color:#666;font-size:.85rem;margin:.1rem 0 .5rem}
        table.scores{border-collapse:collapse;margin:.3rem 0}table.scores td,table.scores th{padding:.1rem .6rem;text-align:left;font-size:.9rem}
        .bar{display:inline-block;height:.6rem;background:#c0392b;vertical-align:middle}.flagged{font-weight:600;color:#a61b1b}
        blockquote{margin:.5rem 0;padding:.5rem .8rem;border-left:3px solid #bbb;background:#fafafa;white-space:pre-wrap}
        mark{background:none;border-bottom:2px solid transparent}mark.raise{background:#fbd5d0;border-color:#c0392b}
        mark.lower{background:#d5f0dc;border-color:#2e8b57}mark.open{outline:1px dashed #8a5a00;background:#fff1c2}
        mark.xref{border-bottom:2px dotted #2a5db0}
        .section{margin:.35rem 0;font-size:.92rem}.section b{display:inline-block;min-width:9rem}
        .flag{display:inline-block;background:#eef;border:1px solid #99c;border-radius:3px;padding:0 .35rem;margin:0 .2rem .2rem 0;font-size:.85rem}
        ul{margin:.2rem 0 .2rem 1.2rem;padding:0}li{margin:.1rem 0}.muted{color:#777}
        """;

    private const string Script = """
        (function(){
          var label=document.getElementById('f-label'),kind=document.getElementById('f-kind'),open=document.getElementById('f-open'),count=document.getElementById('f-count');
          function apply(){
            var shown=0,items=document.querySelectorAll('article.provision');
            for(var i=0;i<items.length;i++){
              var a=items[i],flagged=(a.getAttribute('data-flagged')||'').split(' ');
              var ok=(!label.value||flagged.indexOf(label.value)>=0)&&(!kind.value||a.getAttribute('data-kind')===kind.value)&&(!open.checked||a.getAttribute('data-open')==='1');
              a.hidden=!ok;if(ok){shown++;}
            }
            count.textContent=shown+' shown';
          }
          label.addEventListener('change',apply);kind.addEventListener('change',apply);open.addEventListener('change',apply);apply();
        })();
        """;

    public static void Write(IReadOnlyList<ScoredProvision> ranked, ReportContext context, TextWriter output)
    {
        var anchors = new Dictionary<(string Document, string Ref), string>();
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i].Score.Provision is { } p)
            {
                anchors.TryAdd((p.Document, p.Ref), "p" + (i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        html.Append("<title>Provision risk: ").Append(E(context.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<header>\n");
        html.Append("<h1>Provision risk: ").Append(E(context.Title)).Append("</h1>\n<p class=\"summary\">");
        html.Append(ranked.Count == context.Scored ? E($"{ranked.Count} provisions") : E($"{ranked.Count} of {context.Scored} provisions ({context.Filter})"));
        html.Append(", ranked by ").Append(E(context.RankedBy)).Append(". Probabilities are calibrated; a label in bold red is at or above its threshold. A triage aid, not a legal opinion.</p>\n");
        foreach (var (document, message) in context.Warnings)
        {
            html.Append("<p class=\"warning\"><b>Warning:</b> ").Append(E(document)).Append(": ").Append(E(message)).Append("</p>\n");
        }

        Filters(html, ranked, context);
        html.Append("</header>\n<main>\n");
        if (ranked.Count == 0)
        {
            html.Append("<p>No provision to show.</p>\n");
        }

        for (var i = 0; i < ranked.Count; i++)
        {
            Provision(html, i + 1, ranked[i], anchors);
        }

        html.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static void Filters(StringBuilder html, IReadOnlyList<ScoredProvision> ranked, ReportContext context)
    {
        html.Append("<form id=\"filters\"><label>Flagged for <select id=\"f-label\"><option value=\"\">any label or none</option>");
        foreach (var l in context.Labels)
        {
            html.Append("<option value=\"").Append(E(l)).Append("\">").Append(E(ReportText.Label(l))).Append("</option>");
        }

        html.Append("</select></label><label>Kind <select id=\"f-kind\"><option value=\"\">any</option>");
        foreach (var kind in ranked.Select(r => r.Score.Kind).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            html.Append("<option value=\"").Append(E(kind)).Append("\">").Append(E(kind)).Append("</option>");
        }

        html.Append("</select></label><label><input type=\"checkbox\" id=\"f-open\"> open text only</label><span id=\"f-count\" class=\"muted\"></span></form>\n");
    }

    private static void Provision(StringBuilder html, int rank, ScoredProvision item, Dictionary<(string, string), string> anchors)
    {
        var s = item.Score;
        var p = s.Provision;
        var flagged = string.Join(' ', s.Labels.Where(l => l.Flagged).Select(l => l.Label));
        html.Append("<article class=\"provision\" id=\"p").Append(rank.ToString(CultureInfo.InvariantCulture)).Append("\" data-flagged=\"").Append(E(flagged))
            .Append("\" data-kind=\"").Append(E(s.Kind ?? string.Empty)).Append("\" data-open=\"").Append(p is { OpenText.Count: > 0 } ? "1" : "0").Append("\">\n");
        html.Append("<h2><span class=\"rank\">").Append(rank.ToString(CultureInfo.InvariantCulture)).Append(".</span>").Append(E(item.Name));
        if (p?.Heading is { } heading)
        {
            html.Append(" <span class=\"muted\">— ").Append(E(heading)).Append("</span>");
        }

        html.Append("</h2>\n<p class=\"where\">").Append(E(string.Join(" · ", new[] { item.Where, s.Kind is { } k ? "kind: " + k + " (" + ReportText.Probability(s.KindProbability) + ")" : string.Empty }.Where(x => x.Length > 0))))
            .Append("</p>\n");
        Scores(html, s);
        html.Append("<blockquote>").Append(Highlighter.Render(s)).Append("</blockquote>\n");
        Why(html, s);
        if (s.Flags.Count > 0)
        {
            html.Append("<div class=\"section\"><b>Codebook flags</b>");
            foreach (var f in s.Flags)
            {
                html.Append("<span class=\"flag\" title=\"").Append(E("from " + string.Join(", ", f.Precedents))).Append("\">").Append(E(f.Flag)).Append("</span>");
            }

            html.Append("<span class=\"muted\">suggested by the flagged label's nearest labelled precedents</span></div>\n");
        }

        if (p is { CrossReferences.Count: > 0 })
        {
            html.Append("<div class=\"section\"><b>Depends on</b><ul>");
            foreach (var c in p.CrossReferences)
            {
                html.Append("<li>“").Append(E(c.Text)).Append("” → ");
                var target = c.Provisions.Select(r => anchors.TryGetValue((p.Document, r), out var a) ? a : null).FirstOrDefault(a => a is not null);
                if (target is not null)
                {
                    html.Append("<a href=\"#").Append(target).Append("\">").Append(E(ReportText.CrossReference(c))).Append("</a>");
                }
                else
                {
                    html.Append(E(ReportText.CrossReference(c)));
                }

                html.Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        if (p is { OpenText.Count: > 0 })
        {
            html.Append("<div class=\"section\"><b>Open text</b><ul>");
            for (var o = 0; o < p.OpenText.Count; o++)
            {
                html.Append("<li>").Append(E(p.OpenText[o].Text));
                var alternatives = s.Alternatives.Where(a => a.OpenText == o).ToList();
                if (alternatives.Count > 0)
                {
                    html.Append("<ul>");
                    foreach (var a in alternatives)
                    {
                        html.Append("<li>").Append(E(ReportText.Alternative(a))).Append("</li>");
                    }

                    html.Append("</ul>");
                }

                html.Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        if (s.Precedents.Count > 0)
        {
            html.Append("<div class=\"section\"><b>Reads like</b><ul>");
            foreach (var precedent in s.Precedents)
            {
                html.Append("<li>").Append(E(ReportText.Precedent(precedent)));
                if (precedent.Provision.Flags is { } flags)
                {
                    html.Append(" <span class=\"muted\">[").Append(E(flags)).Append("]</span>");
                }

                if (precedent.Provision.Rationale is { } rationale)
                {
                    html.Append(": ").Append(E(rationale));
                }

                html.Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        if (p is { Notes.Count: > 0 })
        {
            html.Append("<div class=\"section\"><b>Notes</b><ul>");
            foreach (var n in p.Notes)
            {
                html.Append("<li>").Append(E(n.Marker)).Append(". ").Append(E(n.Text)).Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        html.Append("</article>\n");
    }

    private static void Scores(StringBuilder html, Scoring.ProvisionScore s)
    {
        html.Append("<table class=\"scores\"><tr><th>label</th><th>probability</th><th>threshold</th><th></th></tr>");
        foreach (var l in s.Labels)
        {
            var width = Math.Round(l.Probability * 120).ToString(CultureInfo.InvariantCulture);
            html.Append("<tr").Append(l.Flagged ? " class=\"flagged\"" : string.Empty).Append("><td>").Append(E(ReportText.Label(l.Label)))
                .Append("</td><td>").Append(ReportText.Probability(l.Probability)).Append("</td><td>").Append(ReportText.Probability(l.Threshold))
                .Append("</td><td><span class=\"bar\" style=\"width:").Append(width).Append("px\"></span></td></tr>");
        }

        html.Append("</table>\n");
    }

    private static void Why(StringBuilder html, Scoring.ProvisionScore s)
    {
        if (s.Labels.All(l => l.Evidence.Count == 0))
        {
            return;
        }

        html.Append("<div class=\"section\"><b>Why</b><ul>");
        foreach (var l in s.Labels.Where(l => l.Evidence.Count > 0))
        {
            html.Append("<li>").Append(E(ReportText.Label(l.Label))).Append(": ").Append(E(ReportText.Evidence(l, Reasons))).Append("</li>");
        }

        html.Append("</ul></div>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
