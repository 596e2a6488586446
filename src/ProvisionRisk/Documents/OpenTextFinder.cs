using System.Text.RegularExpressions;

namespace ProvisionRisk.Documents;

/// <summary>
/// Finds the bracketed text of a negotiation draft in a provision: adjacent brackets are alternatives
/// (<c>[shall][may]</c>), one bracket with numbered options is a choice between them (<c>[Option 1 … Option 2 …]</c>),
/// and any other bracket is text that may be kept or deleted. Editorial brackets (<c>[…]</c>, <c>[Act No. 4 of 2021]</c>,
/// <c>[Repealed]</c>) and brackets around a whole numbered unit (amendment marks in consolidated laws) are not open text.
/// </summary>
internal static partial class OpenTextFinder
{
    [GeneratedRegex(@"(?:^|(?<=\s))(?:Option|OPTION|Alternative|ALTERNATIVE|Alt\.?|Variant|VARIANT)\s*(?:\d{1,2}|[A-H])\b\s*[:.)–—-]?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex OptionLabel();

    [GeneratedRegex(@"^\s*(?:$|\.{2,}|…|\d+\s*$|[ivx]+\s*$|\*+\s*$|(?i:Act|Acts|Cap|Chapter|No|Ord|Ordinance|Vol|L\.N|S\.I|G\.N)\b|(?i:sic|emphasis|repealed|deleted|omitted|spent|reserved|gap|note|editor|footnote|translation|unofficial|citation|this (?:section|article|paragraph) (?:was|has been)))", RegexOptions.CultureInvariant)]
    private static partial Regex Editorial();

    public static IReadOnlyList<OpenText> Find(string text)
    {
        var groups = TopLevelBrackets(text);
        if (groups.Count == 0)
        {
            return [];
        }

        var result = new List<OpenText>();
        var run = new List<(int Start, int End)>();
        foreach (var g in groups)
        {
            if (run.Count > 0 && !IsJoiner(text.AsSpan(run[^1].End, g.Start - run[^1].End)))
            {
                Add(text, run, result);
                run.Clear();
            }

            run.Add(g);
        }

        Add(text, run, result);
        return result;
    }

    private static List<(int Start, int End)> TopLevelBrackets(string text)
    {
        var groups = new List<(int, int)>();
        var depth = 0;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '[')
            {
                if (depth == 0)
                {
                    start = i;
                }

                depth++;
            }
            else if (text[i] == ']' && depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    groups.Add((start, i + 1));
                }
            }
        }

        return groups;
    }

    /// <summary>Brackets separated only by spaces or a slash are alternatives to each other.</summary>
    private static bool IsJoiner(ReadOnlySpan<char> between)
    {
        var trimmed = between.Trim();
        return trimmed.IsEmpty || trimmed is "/" || trimmed.Equals("or", StringComparison.OrdinalIgnoreCase);
    }

    private static void Add(string text, List<(int Start, int End)> run, List<OpenText> result)
    {
        if (run.Count == 0)
        {
            return;
        }

        var contents = run.Select(g => text[(g.Start + 1)..(g.End - 1)]).ToList();
        // A bracketed numbered unit ("[(iv) …]", "[26A. …]") marks amended text in consolidated laws, not open text.
        if (run.Count == 1 && (Editorial().IsMatch(contents[0]) || NumberingMarker.Parse(contents[0].TrimStart()) is { Style: not MarkerStyle.Definition }
            || (contents[0].Length > 0 && char.IsDigit(contents[0][0]))))
        {
            return;
        }

        List<string> alternatives;
        if (run.Count > 1)
        {
            alternatives = contents.Select(c => OptionLabel().Replace(c, string.Empty, 1).Trim()).ToList();
        }
        else
        {
            var labels = OptionLabel().Matches(contents[0]);
            alternatives = labels.Count >= 2 && labels[0].Index == LeadingSpace(contents[0])
                ? SplitOptions(contents[0], labels)
                : [contents[0].Trim(), string.Empty];
        }

        var start = run[0].Start;
        var end = run[^1].End;
        result.Add(new OpenText(start, end, text[start..end], alternatives));
    }

    private static int LeadingSpace(string s) => s.Length - s.TrimStart().Length;

    private static List<string> SplitOptions(string content, MatchCollection labels)
    {
        var options = new List<string>();
        for (var i = 0; i < labels.Count; i++)
        {
            var from = labels[i].Index + labels[i].Length;
            var to = i + 1 < labels.Count ? labels[i + 1].Index : content.Length;
            options.Add(content[from..to].Trim());
        }

        return options;
    }
}
