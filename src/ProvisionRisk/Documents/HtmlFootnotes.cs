using System.Text;
using AngleSharp.Dom;

namespace ProvisionRisk.Documents;

/// <summary>
/// The footnotes of an HTML document: citation links (<c>&lt;sup&gt;&lt;a href="#fn1"&gt;1&lt;/a&gt;&lt;/sup&gt;</c>, or
/// <c>role="doc-noteref"</c>) whose targets hold the notes. The citations are left out of the text and remembered;
/// the notes (or the footnote section holding them) are left out of the body.
/// </summary>
internal sealed class HtmlFootnotes
{
    private static readonly string[] NoteWords = ["footnote", "endnote", "fnref", "noteref", "fn"];
    private static readonly string[] SectionWords = ["footnote", "endnote", "notes", "doc-endnotes", "doc-footnotes"];

    /// <summary>Gets the citation elements, with the note's key and printed marker.</summary>
    public Dictionary<IElement, (string Key, string Marker)> Markers { get; } = [];

    /// <summary>Gets the elements holding notes, left out of the body.</summary>
    public HashSet<IElement> Bodies { get; } = [];

    /// <summary>Gets each note's words by key.</summary>
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    public static HtmlFootnotes Build(IDocument document)
    {
        var map = new HtmlFootnotes();
        var candidates = new List<(IElement Link, string Id, string Marker, IElement Body)>();
        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
        {
            var marker = link.TextContent.Trim().Trim('[', ']', '(', ')');
            if (!IsMarker(marker) || !LooksLikeCitation(link))
            {
                continue;
            }

            var id = Uri.UnescapeDataString(link.GetAttribute("href")![1..]);
            var target = id.Length == 0 ? null : document.GetElementById(id);
            if (target is null || target.Contains(link))
            {
                continue;
            }

            var body = target is { LocalName: "a" } && target.TextContent.Trim().Length == 0 && target.ParentElement is { } parent ? parent : target;
            candidates.Add((link, id, marker, body));
        }

        foreach (var (link, id, marker, body) in candidates)
        {
            // A link inside a note (a back-reference) is not a citation.
            if (candidates.Any(c => c.Body.Contains(link)))
            {
                continue;
            }

            var sup = link.Closest("sup");
            var element = sup is not null && sup.TextContent.Trim() == link.TextContent.Trim() ? sup : link;
            map.Markers[element] = (id, marker);
            map.Bodies.Add(Container(body));
            map.Texts[id] = NoteText(body, marker);
        }

        return map;
    }

    private static bool IsMarker(string s) =>
        s.Length is > 0 and <= 4 && s.All(c => char.IsDigit(c) || c is '*' or '†' or '‡' or '§' || char.IsAsciiLetterLower(c));

    private static bool LooksLikeCitation(IElement link)
    {
        if (link.Closest("sup") is not null || string.Equals(link.GetAttribute("role"), "doc-noteref", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var names = ((link.ClassName ?? string.Empty) + " " + (link.Id ?? string.Empty)).ToLowerInvariant();
        return NoteWords.Any(w => names.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>A note in a footnote list is left out together with its list and section.</summary>
    private static IElement Container(IElement body)
    {
        for (var e = body.ParentElement; e is not null && e.LocalName is not ("body" or "html" or "main" or "article"); e = e.ParentElement)
        {
            var names = ((e.ClassName ?? string.Empty) + " " + (e.Id ?? string.Empty) + " " + (e.GetAttribute("role") ?? string.Empty)).ToLowerInvariant();
            if (SectionWords.Any(w => names.Contains(w, StringComparison.Ordinal)))
            {
                return e;
            }
        }

        return body;
    }

    private static string NoteText(IElement body, string marker)
    {
        var text = new StringBuilder();
        Collect(body, text);
        var words = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var lead in new[] { marker + ".", marker + ")", "[" + marker + "]", "(" + marker + ")", marker })
        {
            if (words.StartsWith(lead + " ", StringComparison.Ordinal))
            {
                return words[(lead.Length + 1)..];
            }
        }

        return words;
    }

    private static void Collect(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement e && !IsBackLink(e))
            {
                Collect(e, text);
                if (e.LocalName is "p" or "br" or "li" or "div")
                {
                    text.Append(' ');
                }
            }
        }
    }

    private static bool IsBackLink(IElement e) =>
        e.LocalName == "a" && (string.Equals(e.GetAttribute("role"), "doc-backlink", StringComparison.OrdinalIgnoreCase)
            || ((e.GetAttribute("href") ?? string.Empty).StartsWith('#') && e.TextContent.Trim() is { Length: <= 2 } t && !t.All(char.IsLetterOrDigit)));
}
