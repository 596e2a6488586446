using System.Globalization;
using System.Text.RegularExpressions;

namespace ProvisionRisk.Documents;

/// <summary>
/// Finds the references a provision makes to other units ("subject to Articles 14 and 15", "in accordance with
/// paragraph 3 of this article", "section 12(3)", "paragraph 1.a") and resolves each to the provisions of the
/// document it points to; references into another instrument ("section 5 of the Penal Code") are kept unresolved.
/// </summary>
internal sealed partial class CrossReferenceFinder
{
    private const int MaxRange = 60;
    private const string Num = @"(?:\d{1,4}[A-Za-z]{0,2}(?:\s?\([0-9A-Za-z]{1,5}\))*(?:\.[a-z](?![a-z]))?|\([0-9A-Za-z]{1,5}\)(?:\([0-9A-Za-z]{1,5}\))*)";

    private readonly HashSet<string> references;
    private readonly Dictionary<string, List<string>> byTop = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> headings = new(StringComparer.Ordinal);
    private readonly string sectionPrefix;

    public CrossReferenceFinder(IReadOnlyList<Provision> provisions)
    {
        var ordered = provisions.Select(p => p.Ref).ToList();
        references = new HashSet<string>(ordered, StringComparer.Ordinal);
        foreach (var p in provisions)
        {
            var top = TopOf(p.Ref);
            if (!byTop.TryGetValue(top, out var list))
            {
                byTop[top] = list = [];
            }

            list.Add(p.Ref);

            if (p.Heading is { } h)
            {
                headings.TryAdd(TopOf(p.Ref), h);
            }
        }

        var signs = ordered.Count(r => r.StartsWith("§ ", StringComparison.Ordinal));
        var sections = ordered.Count(r => r.StartsWith("Section ", StringComparison.Ordinal));
        sectionPrefix = signs > sections ? "§ " : "Section ";
    }

    [GeneratedRegex(
        @"(?<lead>\b(?i:subject to|in accordance with|pursuant to|referred to in|provided (?:for )?(?:in|under)|as provided in|set (?:out|forth) in|specified in|described in|mentioned in|required (?:by|under)|defined in|within the meaning of|in terms of|notwithstanding|except as (?:specifically )?provided (?:otherwise )?in|in compliance with|by virtue of|contemplated (?:in|by)|under)\s+(?:the\s+(?:provisions|conditions|requirements|procedures?|safeguards)\s+of\s+)?)?" +
        @"(?<unit>(?<![\w.])(?i:articles?|arts?\.|sections?|secs?\.|ss\.|§§?|paragraphs?|paras?\.|sub-?paragraphs?|sub-?sections?|clauses?))\s*" +
        @"(?<nums>" + Num + @"(?:\s*(?:,|and|or|to|through|-|–)\s*(?:(?i:articles?|sections?)\s+)?" + Num + @")*)" +
        @"(?:,?\s*(?i:paragraph|para\.|sub-?paragraph|sub-?section)\s+(?<para>" + Num + @"))?" +
        @"(?:\s+(?i:of|in)\s+(?i:article|section)\s+(?<of>" + Num + @"))?" +
        @"(?:,?\s+(?i:of|in)\s+(?i:this|the present|that)\s+(?i:article|section|convention|act|law|protocol|chapter|part|regulations?|code|treaty|instrument|decree|ordinance))?" +
        @"(?:\s+of\s+(?:the\s+)?(?<ext>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|on|the|and|for|to|\(\w+\)|\d{4}))*))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(Num, RegexOptions.CultureInvariant)]
    private static partial Regex NumPattern();

    [GeneratedRegex(@"^(?:Act|Law|Convention|Protocol|Code|Treaty|Constitution)$", RegexOptions.CultureInvariant)]
    private static partial Regex GenericName();

    public IReadOnlyList<CrossReference> Find(Provision provision)
    {
        var text = provision.Text;
        var result = new List<CrossReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in ReferencePattern().Matches(text))
        {
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            var start = m.Groups["lead"].Success && m.Groups["lead"].Length > 0 ? m.Groups["lead"].Index : m.Groups["unit"].Index;
            var end = m.Index + m.Length;
            var words = text[start..end].TrimEnd(' ', ',');
            end = start + words.Length;
            var ext = m.Groups["ext"];
            if (ext.Success && !GenericName().IsMatch(ext.Value.Trim()))
            {
                var external = text[m.Groups["unit"].Index..end];
                result.Add(new CrossReference(words, start, end, external, null, []));
                continue;
            }

            foreach (var target in Targets(unit, m, provision.Ref))
            {
                if (!seen.Add(target))
                {
                    continue;
                }

                var provisions = Resolve(target);
                var heading = provisions.Count > 0 && headings.TryGetValue(TopOf(provisions[0]), out var h) ? h : null;
                result.Add(new CrossReference(words, start, end, target, heading, provisions));
            }
        }

        return result;
    }

    /// <summary>The top-level unit of a reference: <c>Article 19</c> for <c>Article 19(4)</c>.</summary>
    internal static string TopOf(string reference)
    {
        var cut = reference.Length;
        foreach (var c in new[] { "(", " \"", " [" })
        {
            var i = reference.IndexOf(c, StringComparison.Ordinal);
            if (i > 0 && i < cut)
            {
                cut = i;
            }
        }

        return reference[..cut];
    }

    private List<string> Resolve(string target)
    {
        if (references.Contains(target))
        {
            return [target];
        }

        return !byTop.TryGetValue(TopOf(target), out var under) ? []
            : under.Where(r => r.StartsWith(target, StringComparison.Ordinal) && r.Length > target.Length
                && (r[target.Length] == '(' || r[target.Length] == ' ')).ToList();
    }

    private IEnumerable<string> Targets(string unit, Match m, string own)
    {
        var isTop = unit.StartsWith("art", StringComparison.Ordinal) || unit.StartsWith("sec", StringComparison.Ordinal)
            || unit.StartsWith('§') || unit == "ss.";
        var prefix = unit.StartsWith("art", StringComparison.Ordinal) ? "Article " : sectionPrefix;
        var para = m.Groups["para"].Success ? Parts(m.Groups["para"].Value) : [];
        var ownTop = TopOf(own);
        var ownParts = Parts(own[ownTop.Length..]);
        foreach (var number in Numbers(m.Groups["nums"].Value))
        {
            var parts = Parts(number);
            if (isTop)
            {
                var head = number.Length > 0 && char.IsDigit(number[0]) ? LeadingToken(number) : null;
                if (head is null)
                {
                    continue;
                }

                yield return prefix + head + string.Concat(parts.Skip(1)) + string.Concat(para);
                continue;
            }

            // A paragraph or sub-section of an article named after it, or of the provision's own article or section.
            var top = m.Groups["of"].Success ? prefix + LeadingToken(m.Groups["of"].Value) : ownTop;
            var isSub = unit.StartsWith("sub-p", StringComparison.Ordinal) || unit.StartsWith("subp", StringComparison.Ordinal)
                || unit.StartsWith("cl", StringComparison.Ordinal);
            var within = Within(unit, isSub, number, ownParts);
            yield return top + within + string.Concat(parts);
        }
    }

    /// <summary>The levels above a relative reference: a sub-paragraph sits in the provision's own paragraph; in the
    /// United States Code a paragraph sits in a subsection and a subparagraph in a paragraph.</summary>
    private string Within(string unit, bool isSub, string number, List<string> ownParts)
    {
        var depth = isSub ? 1 : 0;
        if (sectionPrefix == "§ ")
        {
            depth = unit.StartsWith("subs", StringComparison.Ordinal) || unit.StartsWith("sub-s", StringComparison.Ordinal) ? 0 : isSub ? 2 : 1;
        }

        if (depth == 0 || ownParts.Count < depth || (isSub && sectionPrefix != "§ " && char.IsDigit(number[0])))
        {
            return string.Empty;
        }

        return string.Concat(ownParts.Take(depth));
    }

    /// <summary>The numbers of a list such as <c>14 and 15</c>, <c>2 through 11</c> or <c>1(a), (b)</c>, ranges expanded.</summary>
    private static IEnumerable<string> Numbers(string list)
    {
        var matches = NumPattern().Matches(list);
        for (var i = 0; i < matches.Count; i++)
        {
            var value = matches[i].Value;
            if (i + 1 < matches.Count)
            {
                var between = list[(matches[i].Index + matches[i].Length)..matches[i + 1].Index].Trim();
                if (between is "to" or "through" or "-" or "–"
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                    && int.TryParse(matches[i + 1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                    && to > from && to - from <= MaxRange)
                {
                    for (var n = from; n < to; n++)
                    {
                        yield return n.ToString(CultureInfo.InvariantCulture);
                    }

                    continue;
                }
            }

            yield return value;
        }
    }

    /// <summary>The parts of a number: <c>19(4)(a)</c> gives <c>19</c>, <c>(4)</c>, <c>(a)</c>; <c>1.a</c> gives <c>(1)</c>, <c>(a)</c>.</summary>
    private static List<string> Parts(string number)
    {
        var result = new List<string>();
        var s = number.Replace(" ", string.Empty, StringComparison.Ordinal);
        var head = LeadingToken(s);
        if (head.Length > 0)
        {
            result.Add("(" + head + ")");
            s = s[head.Length..];
        }

        if (s.StartsWith('.'))
        {
            result.Add("(" + s[1..] + ")");
            return result;
        }

        foreach (Match part in PartPattern().Matches(s))
        {
            result.Add(part.Value);
        }

        return result;
    }

    private static string LeadingToken(string number)
    {
        var i = 0;
        while (i < number.Length && char.IsLetterOrDigit(number[i]))
        {
            i++;
        }

        return number[..i];
    }

    [GeneratedRegex(@"\([0-9A-Za-z]{1,5}\)", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
