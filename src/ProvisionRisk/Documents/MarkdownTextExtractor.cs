using System.Text.RegularExpressions;

namespace ProvisionRisk.Documents;

/// <summary>
/// Converts Markdown to the segmenter's plain text line by line (a hard-wrapped line stays a line, as in a text file):
/// heading marks, emphasis, links, images, code marks, block quotes, bullets, table pipes, HTML comments and
/// backslash escapes are removed; footnote citations (<c>[^1]</c>) become notes of the provisions citing them, and
/// footnote definitions (<c>[^1]: …</c>) leave the body.
/// </summary>
internal static partial class MarkdownTextExtractor
{
    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\s{0,3}(?:=+|-{3,}|\*{3,}|_{3,})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleOrUnderline();

    [GeneratedRegex(@"^\s{0,3}\[\^([^\]\s]+)\]:\s?(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoteDefinition();

    [GeneratedRegex(@"\[\^([^\]\s]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex NoteCitation();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"(?<!\\)\[([^\]]+)\]\((?:[^)(]|\([^)]*\))*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*\\])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`+([^`]*)`+", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"^\s*(?:>\s?)+", RegexOptions.CultureInvariant)]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s*[-*+]\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TableRule();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>])", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();

    public static ExtractedText Extract(string markdown)
    {
        var builder = new TextBuilder();
        var lines = Comment().Replace(markdown, string.Empty).Split('\n');
        string? openNote = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            var definition = NoteDefinition().Match(line);
            if (definition.Success)
            {
                openNote = definition.Groups[1].Value;
                builder.SetNote(openNote, Inline(definition.Groups[2].Value));
                continue;
            }

            if (openNote is not null && line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                // An indented line continues the footnote above it.
                builder.SetNote(openNote, Inline(line));
                continue;
            }

            openNote = null;
            if (RuleOrUnderline().IsMatch(line) || TableRule().IsMatch(line))
            {
                continue;
            }

            var heading = AtxHeading().Match(line);
            if (heading.Success)
            {
                line = heading.Groups[1].Value;
            }

            line = Bullet().Replace(Quote().Replace(line, string.Empty), string.Empty);
            if (line.TrimStart().StartsWith('|'))
            {
                line = line.Replace('|', ' ');
            }

            builder.EndParagraph();
            var at = 0;
            foreach (Match cite in NoteCitation().Matches(line))
            {
                builder.Append(Inline(line[at..cite.Index]));
                builder.Cite(cite.Groups[1].Value, cite.Groups[1].Value);
                at = cite.Index + cite.Length;
            }

            builder.Append(Inline(line[at..]));
            builder.EndParagraph();
        }

        return builder.Build();
    }

    private static string Inline(string s)
    {
        s = Image().Replace(s, "$1");
        s = Link().Replace(s, "$1");
        s = Code().Replace(s, "$1");
        s = Strong().Replace(s, "$2");
        s = Emphasis().Replace(s, "$2");
        return Escape().Replace(s, "$1");
    }
}
