using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ProvisionRisk.Documents;

/// <summary>
/// Converts HTML to the segmenter's plain text: the body's text, one block a line. Scripts, styles, hidden elements,
/// navigation and page-level headers and footers are left out; numbered lists get their numbers (unless the items
/// already start with one); footnote citations become notes of the provisions citing them and the notes leave the body.
/// </summary>
internal static class HtmlTextExtractor
{
    private const int MaxDepth = 256;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "title", "nav", "button", "select", "option", "iframe",
        "object", "svg", "math", "input", "textarea", "canvas", "audio", "video", "map",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
    };

    private static readonly string[] PageChromeRoles = ["navigation", "banner", "contentinfo", "search"];

    public static ExtractedText Extract(Stream html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { SkipComments = true });
        using var document = parser.ParseDocument(html);
        var root = (INode?)document.Body ?? document.DocumentElement;
        var builder = new TextBuilder();
        var notes = HtmlFootnotes.Build(document);
        foreach (var (key, text) in notes.Texts)
        {
            builder.SetNote(key, text);
        }

        new Walker(builder, notes).Walk(root, 0, pre: false);
        return builder.Build();
    }

    private sealed class Walker(TextBuilder builder, HtmlFootnotes notes)
    {
        public void Walk(INode node, int depth, bool pre)
        {
            if (node is IText text)
            {
                AppendText(text.Data, pre);
                return;
            }

            if (node is not IElement element)
            {
                return;
            }

            var name = element.LocalName;
            if (depth > MaxDepth || IsSkipped(element) || notes.Bodies.Contains(element))
            {
                return;
            }

            if (notes.Markers.TryGetValue(element, out var marker))
            {
                builder.Cite(marker.Key, marker.Marker);
                return;
            }

            switch (name)
            {
                case "br":
                    builder.EndParagraph();
                    return;
                case "td" or "th":
                    builder.Space();
                    WalkChildren(element, depth, pre);
                    builder.Space();
                    return;
                case "ol":
                    WalkList(element, depth, pre);
                    return;
            }

            var block = Blocks.Contains(name);
            if (block)
            {
                builder.EndParagraph();
            }

            WalkChildren(element, depth, pre || name == "pre");
            if (block)
            {
                builder.EndParagraph();
            }
        }

        private void WalkChildren(IElement element, int depth, bool pre)
        {
            foreach (var child in element.ChildNodes)
            {
                Walk(child, depth + 1, pre);
            }
        }

        private void AppendText(string data, bool pre)
        {
            if (!pre)
            {
                builder.Append(data);
                return;
            }

            var lines = data.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    builder.EndParagraph();
                }

                builder.Append(lines[i]);
            }
        }

        private void WalkList(IElement list, int depth, bool pre)
        {
            builder.EndParagraph();
            var items = list.Children.Where(c => c.LocalName == "li").ToList();
            var type = list.GetAttribute("type") ?? "1";
            var style = (list.GetAttribute("style") ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            var numbered = !style.Contains("list-style-type:none", StringComparison.OrdinalIgnoreCase)
                && !style.Contains("list-style:none", StringComparison.OrdinalIgnoreCase)
                && !items.All(li => NumberingMarker.Parse(li.TextContent.TrimStart()) is not null);
            var counter = int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
            foreach (var child in list.ChildNodes)
            {
                if (child is IElement { LocalName: "li" } li && !IsSkipped(li))
                {
                    if (int.TryParse(li.GetAttribute("value"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                    {
                        counter = v;
                    }

                    builder.EndParagraph();
                    if (numbered)
                    {
                        builder.Append(ListMarker(type, counter));
                        builder.Space();
                    }

                    WalkChildren(li, depth + 1, pre);
                    builder.EndParagraph();
                    counter++;
                }
                else
                {
                    Walk(child, depth + 1, pre);
                }
            }

            builder.EndParagraph();
        }

        private static string ListMarker(string type, int n) => type switch
        {
            "a" => "(" + Letters(n, 'a') + ")",
            "A" => "(" + Letters(n, 'A') + ")",
            "i" => "(" + ListNumbering.Roman(n) + ")",
            "I" => "(" + ListNumbering.Roman(n).ToUpperInvariant() + ")",
            _ => n.ToString(CultureInfo.InvariantCulture) + ".",
        };

        private static string Letters(int n, char first) => ListNumbering.Letters(n, first);

        private static bool IsSkipped(IElement e)
        {
            if (Skipped.Contains(e.LocalName) || e.HasAttribute("hidden")
                || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var style = (e.GetAttribute("style") ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (style.Contains("display:none", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var role = e.GetAttribute("role");
            if (role is not null && PageChromeRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            // A header or footer of the page (not of an article or section) is page chrome.
            return e.LocalName is "header" or "footer" && e.Closest("article, section, main") is null;
        }
    }
}
