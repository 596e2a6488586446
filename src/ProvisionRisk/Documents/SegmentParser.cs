using System.Globalization;
using System.Text.RegularExpressions;

namespace ProvisionRisk.Documents;

/// <summary>
/// Cuts one document into numbered units and structure. It reads line by line, keeps a stack of open
/// numbering levels (one per marker style) and decides for each line whether it opens an article or section,
/// a sub-unit, a division or heading, or continues the unit above it.
/// </summary>
internal sealed partial class SegmentParser
{
    private const int MaxHeadingLength = 160;
    private const int MaxNesting = 16;
    private const int FragmentLength = 90;
    private const string PreliminaryPrefix = "Preliminary ";

    private readonly string source;
    private readonly string name;
    private readonly List<TextSpan> lines;
    private readonly DocumentMode mode;
    private readonly List<UnitNode> tops = [];
    private readonly List<UnitNode> stack = [];
    private readonly List<StructureElement> structure = [];
    private UnitNode? top;
    private int lastTopNumber;
    private bool inSignature;
    private bool awaitingTopHeading;
    private bool awaitingDivisionTitle;

    public SegmentParser(string source, string name)
    {
        this.source = source;
        this.name = name;
        lines = SplitLines(source);
        mode = DetectMode();
    }

    private enum DocumentMode
    {
        Articles,
        SectionSigns,
        Sections,
    }

    public SegmentedDocument Run()
    {
        var signatureFrom = FindSignatureStart();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == signatureFrom)
            {
                inSignature = true;
            }

            ProcessLine(lines[i], i + 1 < lines.Count ? lines[i + 1] : (TextSpan?)null);
        }

        var provisions = new List<Provision>();
        foreach (var unit in tops)
        {
            Emit(unit, provisions);
        }

        structure.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new SegmentedDocument(name, source, DeduplicateReferences(provisions), structure);
    }

    [GeneratedRegex(@"^\[?(?:Article|ARTICLE|Art\.)\s*\(?(\d{1,4}[A-Za-z]{0,3}|One|[IVXLC]{1,6})\)?(?=$|[\s:.\-–—])\s*[:.\-–—]?\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleHeaderPattern();

    [GeneratedRegex(@"^\[?§+\s*(\d{1,5}[A-Za-z]{0,3}(?:-\d+)?)\.?(?=$|\s)\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionSignPattern();

    [GeneratedRegex(@"^\[?(?:(?:Section|SECTION|Sec\.)\s+(\d{1,4}[A-Z]{0,3})\.?|(\d{1,4}[A-Z]{0,3})\.)(?=\s|$)\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionNumberPattern();

    [GeneratedRegex(@"\b(?:any|a|every|no)\s+person\b|\bwhoever\b|\banyone\b|\bcommits? an offen[cs]e|\bguilty\b|\bcriminal offen[cs]es?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OffenceLeadInPattern();

    [GeneratedRegex(@",\s+(?=(?:commits an offen[cs]e|commits the offen[cs]e|shall be guilty|is guilty|shall,? (?:up)?on conviction|shall be liable|is liable|shall be punished|is punishable)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingWordsPattern();

    [GeneratedRegex(@"^#{1,6}[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownHeadingPattern();

    [GeneratedRegex(@"^\[?\((\d{1,4}[A-Z]{1,3})\)\s*(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedSectionPattern();

    [GeneratedRegex(@"^(?:PART|Part|CHAPTER|Chapter|TITLE|Title|SUB-?PART|Sub-?[Pp]art|DIVISION|Division|SCHEDULE|Schedule|BOOK|Book|SECTION|Section)\s+(?:[IVXLC]+|\d{1,3}[A-Z]?|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)\b(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DivisionPattern();

    [GeneratedRegex(@"^(?:In witness whereof|IN WITNESS WHEREOF|In faith whereof|IN FAITH WHEREOF|Done at |DONE at |Issued at |Signed at )", RegexOptions.CultureInvariant)]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"^(?:\.|:)?\s*(?:—|–|-|_{2,}|:—|:-)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingBodySeparator();

    [GeneratedRegex(@"^(?:shall\b|commits\b|is guilty\b|is liable\b|commit\b|are guilty\b|be liable\b|and\b|or\b|is punishable\b|shall be\b|commits an offence\b|is deemed\b|[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex TailStartPattern();

    [GeneratedRegex(@"(?:\bmeans?\b|\bincludes?\b|\bshall include\b|\bthe term\b|\bthe expression\b)[^.;]*(?::|—|–|-|,)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionLeadInPattern();

    private static List<TextSpan> SplitLines(string text)
    {
        var result = new List<TextSpan>();
        var line = 1;
        var i = 0;
        while (i <= text.Length)
        {
            var end = i;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
            {
                end++;
            }

            var s = i;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                result.Add(new TextSpan(s, e, line));
            }

            if (end >= text.Length)
            {
                break;
            }

            i = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            line++;
        }

        return result;
    }

    private DocumentMode DetectMode()
    {
        int articles = 0, signs = 0, sections = 0;
        foreach (var l in lines)
        {
            var t = l.Of(source);
            t = t[MarkdownHeadingPattern().Match(t).Length..];
            if (ArticleHeaderPattern().IsMatch(t) && IsPlausibleArticleHeader(t))
            {
                articles++;
            }
            else if (t.StartsWith('§'))
            {
                signs++;
            }
            else if (SectionNumberPattern().IsMatch(t))
            {
                sections++;
            }
        }

        // Numbered paragraphs ("1.") also look like section numbers, so articles win unless they are rare.
        return articles >= 1 && articles * 10 >= sections ? DocumentMode.Articles
            : signs >= 1 ? DocumentMode.SectionSigns
            : DocumentMode.Sections;
    }

    private static bool IsPlausibleArticleHeader(string t)
    {
        var m = ArticleHeaderPattern().Match(t);
        return m.Success && m.Groups[2].Value.Length <= MaxHeadingLength && !m.Groups[2].Value.Contains(" shall ", StringComparison.Ordinal)
            && !m.Groups[2].Value.StartsWith("of ", StringComparison.Ordinal);
    }

    /// <summary>The index of the first line of a closing signature block, walking back over name lines before it.</summary>
    private int FindSignatureStart()
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!SignaturePattern().IsMatch(lines[i].Of(source)))
            {
                continue;
            }

            var start = i;
            while (start > 0 && start > i - 3 && IsNameLine(lines[start - 1].Of(source)))
            {
                start--;
            }

            return start;
        }

        return -1;
    }

    private static bool IsNameLine(string t) =>
        t.Length < 70 && !".;:,".Contains(t[^1], StringComparison.Ordinal) && NumberingMarker.Parse(t) is null
        && !ArticleHeaderPattern().IsMatch(t) && char.IsUpper(t[0]);

    private void ProcessLine(TextSpan span, TextSpan? next)
    {
        // Markdown: "## Article 19 – Search" is read as "Article 19 – Search"; the "##" is kept as structure.
        var heading = MarkdownHeadingPattern().Match(span.Of(source));
        if (heading.Success && heading.Length < span.End - span.Start)
        {
            AddStructure(StructureKind.Heading, span.Until(heading.Length));
            span = span.From(heading.Length);
        }

        var text = span.Of(source);
        if (inSignature && !IsTopHeader(text))
        {
            AddStructure(StructureKind.Signature, span);
            return;
        }

        inSignature = false;
        if (IsEditorialNote(text))
        {
            AddStructure(StructureKind.Note, span);
            return;
        }

        if (TryTopHeader(span, text))
        {
            return;
        }

        if (DivisionPattern().IsMatch(text) && text.Length <= MaxHeadingLength && !text.Contains(" shall ", StringComparison.Ordinal))
        {
            CloseTop();
            AddStructure(StructureKind.Division, span);
            awaitingDivisionTitle = true;
            return;
        }

        if (awaitingDivisionTitle)
        {
            awaitingDivisionTitle = false;
            if (IsHeadingLike(text) && NumberingMarker.Parse(text) is null)
            {
                AddStructure(StructureKind.Heading, span);
                return;
            }
        }

        if (IsAllCapsHeading(text))
        {
            if (top is not null && top.Own.Count == 0 && top.Children.Count == 0 && top.Heading is null)
            {
                top.Heading = text;
            }
            else
            {
                CloseTop();
            }

            AddStructure(StructureKind.Heading, span);
            return;
        }

        if (top is null)
        {
            AddStructure(structure.Count == 0 ? StructureKind.Title : StructureKind.Preamble, span);
            return;
        }

        if (awaitingTopHeading)
        {
            awaitingTopHeading = false;
            if (top.Heading is null && top.Own.Count == 0 && IsHeadingLike(text) && NumberingMarker.Parse(text) is null
                && next is not null)
            {
                top.Heading = text;
                AddStructure(StructureKind.Heading, span);
                return;
            }
        }

        var marker = ParseMarker(text);
        if (marker is not null)
        {
            OpenUnit(span, marker, next);
            return;
        }

        AddText(span, text);
    }

    private bool IsTopHeader(string text) =>
        (mode == DocumentMode.Articles && ArticleHeaderPattern().IsMatch(text) && IsPlausibleArticleHeader(text))
        || (mode == DocumentMode.SectionSigns && SectionSignPattern().IsMatch(text));

    private static bool IsEditorialNote(string text) =>
        text.StartsWith('[') && !IsBracketedOption(text) && (text.StartsWith("[...", StringComparison.Ordinal) || text.StartsWith("[…", StringComparison.Ordinal)
            || text.StartsWith("[PARTIAL", StringComparison.Ordinal)
            || (text.EndsWith(']') && !char.IsDigit(text[1]) && !text.StartsWith("[§", StringComparison.Ordinal)
                && !text.StartsWith("[Art", StringComparison.Ordinal) && !text.StartsWith("[(", StringComparison.Ordinal)));

    /// <summary>A negotiation draft's bracketed option ("[Option 1: …]", "[Alternative B …]") is open text, not an editorial note.</summary>
    private static bool IsBracketedOption(string text) =>
        text.StartsWith("[Option", StringComparison.OrdinalIgnoreCase) || text.StartsWith("[Alternative", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("[Alt.", StringComparison.OrdinalIgnoreCase) || text.StartsWith("[Variant", StringComparison.OrdinalIgnoreCase);

    private bool TryTopHeader(TextSpan span, string text)
    {
        Match m;
        string number;
        string rest;
        switch (mode)
        {
            case DocumentMode.Articles:
                m = ArticleHeaderPattern().Match(text);
                if (!m.Success || !IsPlausibleArticleHeader(text))
                {
                    return false;
                }

                number = m.Groups[1].Value == "One" ? "1" : m.Groups[1].Value;
                rest = m.Groups[2].Value;
                OpenTop("Article " + number, number, span, m.Groups[2].Index, rest);
                return true;
            case DocumentMode.SectionSigns:
                m = SectionSignPattern().Match(text);
                if (!m.Success)
                {
                    return false;
                }

                number = m.Groups[1].Value;
                OpenTop("§ " + number, number, span, m.Groups[2].Index, m.Groups[2].Value);
                return true;
            default:
                m = SectionNumberPattern().Match(text);
                Group numberGroup, restGroup;
                if (m.Success)
                {
                    numberGroup = m.Groups[1].Success ? m.Groups[1] : m.Groups[2];
                    restGroup = m.Groups[3];
                }
                else
                {
                    m = BracketedSectionPattern().Match(text);
                    if (!m.Success || FindHeadingSeparator(m.Groups[2].Value) is not { Index: < 100 })
                    {
                        return false;
                    }

                    numberGroup = m.Groups[1];
                    restGroup = m.Groups[2];
                }

                number = numberGroup.Value;
                var value = LeadingNumber(number);
                var explicitSection = text.TrimStart('[').StartsWith("Sec", StringComparison.OrdinalIgnoreCase);
                if (!explicitSection && (value < lastTopNumber || (value == lastTopNumber && !HasLetterSuffix(number))
                    || ExpectsNumberDot(value)))
                {
                    return false;
                }

                OpenTop("Section " + number, number, span, restGroup.Index, restGroup.Value);
                return true;
        }
    }

    private bool ExpectsNumberDot(int value)
    {
        var open = stack.FindLast(n => n.Style == MarkerStyle.NumberDot);
        return open is not null && NumberingMarker.Ordinal(MarkerStyle.NumberDot, open.Label) + 1 == value;
    }

    private static bool HasLetterSuffix(string number) => number.Length > 0 && char.IsLetter(number[^1]);

    private static int LeadingNumber(string number)
    {
        var digits = new string(number.TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private void OpenTop(string reference, string number, TextSpan span, int restIndex, string rest)
    {
        CloseTop();
        if (LeadingNumber(number) == 1 && tops.Exists(t => t.ReferencePart == reference))
        {
            // Numbering starts again (a promulgating law before the law it enacts): the earlier block is preliminary.
            foreach (var earlier in tops.Where(t => !t.ReferencePart.StartsWith(PreliminaryPrefix, StringComparison.Ordinal)))
            {
                earlier.ReferencePart = PreliminaryPrefix + earlier.ReferencePart;
            }
        }

        top = new UnitNode(null, null, number, reference) { Line = span.Line };
        tops.Add(top);
        lastTopNumber = LeadingNumber(number);
        awaitingTopHeading = false;
        if (rest.Length == 0)
        {
            AddStructure(StructureKind.Heading, span);
            awaitingTopHeading = true;
            return;
        }

        // "30A. Remand.— (1) Where …": a heading, a separator, then the body on the same line.
        var sep = FindHeadingSeparator(rest);
        if (sep is { } s)
        {
            top.Heading = rest[..s.Index].Trim();
            AddStructure(StructureKind.Heading, span.Until(restIndex + s.Index + s.Length));
            var body = span.From(restIndex + s.Index + s.Length);
            if (body.Start < body.End)
            {
                var bodyText = body.Of(source);
                var marker = ParseMarker(bodyText);
                if (marker is not null)
                {
                    OpenUnit(body, marker, null);
                }
                else
                {
                    top.Own.Add(body);
                }
            }

            return;
        }

        // "3. Securing unauthorised access to a computer an offence." is a marginal heading, not a body.
        if (IsHeadingLike(rest) || IsHeadingLike(rest.TrimEnd('.', ' ')) || (mode != DocumentMode.Sections && rest.Length <= MaxHeadingLength))
        {
            top.Heading = rest.TrimEnd('.');
            AddStructure(StructureKind.Heading, span);
            return;
        }

        AddStructure(StructureKind.Heading, span.Until(restIndex));
        top.Own.Add(span.From(restIndex));
    }

    private static (int Index, int Length)? FindHeadingSeparator(string rest)
    {
        foreach (var sep in new[] { ".—", ".__", ":—", ".-", "—", ".–" })
        {
            var i = rest.IndexOf(sep, StringComparison.Ordinal);
            if (i > 0 && i <= MaxHeadingLength)
            {
                var len = sep.Length;
                while (i + len < rest.Length && (rest[i + len] == '_' || rest[i + len] == ' '))
                {
                    len++;
                }

                // A bare dash also occurs inside headings ("Part 2 direction — general"): it separates a body
                // only when a numbered sub-unit or a long sentence follows.
                var body = rest[(i + len)..];
                if (sep == "—" && !(body.StartsWith('(') || body.StartsWith('[') || body.Length > 80))
                {
                    continue;
                }

                return (i, len);
            }
        }

        return null;
    }

    private NumberingMarker? ParseMarker(string text)
    {
        var body = text.StartsWith('[') ? text[1..] : text;
        var marker = NumberingMarker.Parse(body);
        if (marker is null)
        {
            return null;
        }

        if (marker.Style == MarkerStyle.Definition && !InDefinitionContext())
        {
            return null;
        }

        if (marker.Style == MarkerStyle.NumberDot && mode == DocumentMode.Sections && stack.Count == 0 && top is null)
        {
            return null;
        }

        return text.StartsWith('[') ? marker with { Length = marker.Length + 1 } : marker;
    }

    private bool InDefinitionContext()
    {
        if (top is null)
        {
            return false;
        }

        if (stack.Exists(n => n.Style == MarkerStyle.Definition))
        {
            return true;
        }

        var words = string.Join(' ', Lead(top).Concat(stack.SelectMany(Lead)).Select(s => s.Of(source)));
        return (top.Heading ?? string.Empty).Contains("nterpretation", StringComparison.Ordinal)
            || (top.Heading ?? string.Empty).Contains("efinition", StringComparison.Ordinal)
            || words.Contains("unless the context", StringComparison.Ordinal)
            || words.Contains("In this", StringComparison.Ordinal)
            || words.Contains("purposes of this", StringComparison.Ordinal);

        static IEnumerable<TextSpan> Lead(UnitNode n) => n.Own;
    }

    /// <summary>
    /// Opens the unit whose marker starts <paramref name="span"/>, and the units of any further markers in sequence on
    /// the same line ("1. … 2. …"). A loop over offsets, not recursion over copies of the rest of the line, so that a
    /// line with thousands of markers neither overflows the stack nor takes quadratic time.
    /// </summary>
    private void OpenUnit(TextSpan span, NumberingMarker marker, TextSpan? next)
    {
        var searches = new Dictionary<string, (int From, int Found)>(StringComparer.Ordinal);
        while (true)
        {
            if (StartsWithAt(span.Start + marker.Length, span.End, "– ") || StartsWithAt(span.Start + marker.Length, span.End, "— "))
            {
                // "(b) – Amendment of the Penal Code": a sub-heading of a part, not a provision.
                AddStructure(StructureKind.Heading, span);
                return;
            }

            var style = ResolveStyle(marker);
            var label = marker.Label;
            var index = stack.FindLastIndex(n => n.Style == style);
            UnitNode parent;
            if (index >= 0 && !(IsFirstLabel(style, label) && !IsSuccessorOf(stack[index], style, label) && style != MarkerStyle.Definition))
            {
                stack.RemoveRange(index, stack.Count - index);
                parent = index == 0 ? top! : stack[index - 1];
            }
            else if (stack.Count >= MaxNesting)
            {
                // Real instruments nest six levels at most; deeper "numbering" is read as words of the deepest unit,
                // which keeps every line's work bounded however deeply a text seems to nest.
                AddText(span, span.Of(source));
                return;
            }
            else
            {
                parent = stack.Count > 0 ? stack[^1] : top!;
            }

            var part = style == MarkerStyle.Definition ? " \"" + label + "\"" : "(" + label + ")";
            var node = new UnitNode(parent, style, label, part) { Line = span.Line };
            parent.Children.Add(node);
            stack.Add(node);

            // Several numbered paragraphs on one line: split before the next marker in sequence at this level or above.
            var at = -1;
            foreach (var open in stack)
            {
                var successor = open.Style is { } openStyle && openStyle != MarkerStyle.Definition ? NumberingMarker.Successor(openStyle, open.Label) : null;
                if (successor is null)
                {
                    continue;
                }

                var found = FindInlineMarker(span, NumberingMarker.Render(open.Style!.Value, successor), span.Start + marker.Length, searches);
                if (found > 0 && (at < 0 || found < at))
                {
                    at = found;
                }
            }

            if (at > 0)
            {
                node.Own.Add(TrimSpan(span.Until(at - span.Start)));
                span = span.From(at - span.Start);
                marker = NumberingMarker.Parse(source, span.Start, span.End)!;
                continue;
            }

            FinishUnit(span, marker, next, style, parent, node);
            return;
        }
    }

    /// <summary>The last unit of a line: its closing words, a heading in place of a body, or its own words.</summary>
    private void FinishUnit(TextSpan span, NumberingMarker marker, TextSpan? next, MarkerStyle style, UnitNode parent, UnitNode node)
    {
        var bodyStart = span.Start + marker.Length;
        if (parent.Children.Count >= 2 && parent.Own.Count > 0
            && ClosingWordsPattern().Match(source, bodyStart, span.End - bodyStart) is { Success: true } closing)
        {
            // "(c) …, commits an offence and is liable …": the closing words belong to the whole list.
            node.Own.Add(span.Until(closing.Index - span.Start + 1));
            parent.Tail.Add(TrimLeading(span.From(closing.Index - span.Start + 1)));
            stack.RemoveAt(stack.Count - 1);
            return;
        }

        var inline = source[bodyStart..span.End];
        var nextIsBody = next is { } n && NumberingMarker.Parse(n.Of(source)) is null && !IsTopHeader(n.Of(source));
        var shortHeading = inline.Length is > 0 and <= 60 && char.IsUpper(inline[0]) && inline.EndsWith(" .", StringComparison.Ordinal);
        if (inline.Length > 0 && nextIsBody && ((IsHeadingLike(inline) && style is MarkerStyle.NumberDot) || shortHeading))
        {
            // "1. National policy" followed by its paragraph: the words after the number are a heading.
            node.Heading = inline;
            AddStructure(StructureKind.Heading, span);
            return;
        }

        node.Own.Add(span);
    }

    private TextSpan TrimLeading(TextSpan s)
    {
        var b = s.Start;
        while (b < s.End && char.IsWhiteSpace(source[b]))
        {
            b++;
        }

        return s with { Start = b };
    }

    private TextSpan TrimSpan(TextSpan s)
    {
        var e = s.End;
        while (e > s.Start && char.IsWhiteSpace(source[e - 1]))
        {
            e--;
        }

        return s with { End = e };
    }

    /// <summary>
    /// The offset in the source of the first <paramref name="rendered"/> marker at or after <paramref name="from"/> in
    /// <paramref name="span"/> that starts a new unit (after a full stop, semicolon, colon, dash or "; or", and readable
    /// as a marker), or -1. Searches are remembered per marker: offsets only move forward along a line, so no part of
    /// the line is searched twice for the same marker.
    /// </summary>
    private int FindInlineMarker(TextSpan span, string rendered, int from, Dictionary<string, (int From, int Found)> searches)
    {
        if (searches.TryGetValue(rendered, out var known) && known.From <= from && (known.Found < 0 || known.Found >= from))
        {
            return known.Found;
        }

        var result = -1;
        for (var i = from; i < span.End;)
        {
            var found = source.IndexOf(rendered, i, span.End - i, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var before = found;
            while (before > span.Start && char.IsWhiteSpace(source[before - 1]))
            {
                before--;
            }

            var after = found + rendered.Length < span.End ? source[found + rendered.Length] : ' ';
            var boundary = before > span.Start && (".;:—]".Contains(source[before - 1], StringComparison.Ordinal)
                || EndsWithAt(span.Start, before, "; or") || EndsWithAt(span.Start, before, "; and"));
            if (boundary && (after == ' ' || char.IsLetter(after)) && NumberingMarker.Parse(source, found, span.End) is not null)
            {
                result = found;
                break;
            }

            i = found + 1;
        }

        searches[rendered] = (from, result);
        return result;
    }

    /// <summary>Whether the source has <paramref name="text"/> at <paramref name="at"/>, before <paramref name="end"/>.</summary>
    private bool StartsWithAt(int at, int end, string text) =>
        at + text.Length <= end && source.AsSpan(at, text.Length).SequenceEqual(text);

    /// <summary>Whether the source has <paramref name="text"/> just before <paramref name="end"/>, after <paramref name="start"/>.</summary>
    private bool EndsWithAt(int start, int end, string text) =>
        end - text.Length >= start && source.AsSpan(end - text.Length, text.Length).SequenceEqual(text);

    private MarkerStyle ResolveStyle(NumberingMarker marker)
    {
        if (marker.AlternativeStyle is not { } letterStyle)
        {
            if (marker.Style == MarkerStyle.LetterParen && marker.Label == "l" && OpensNumberedList())
            {
                return MarkerStyle.NumberParen;
            }

            return marker.Style;
        }

        // The marker is i, v, x or l (or their capitals): a letter if it continues an open letter list,
        // a roman numeral if it continues an open roman list or opens a new list under a letter.
        var romanOpen = stack.FindLast(n => n.Style == marker.Style);
        if (romanOpen is not null && IsSuccessorOf(romanOpen, marker.Style, marker.Label))
        {
            return marker.Style;
        }

        // A unit ending in a lead-in ("means—", "the following:") with no sub-units yet opens a new list: (i) is roman.
        var deepest = stack.Count > 0 ? stack[^1] : null;
        if (deepest is not null && deepest.Children.Count == 0 && deepest.Own.Count > 0 && marker.Label is "i" or "I")
        {
            var lead = deepest.Own[^1].Of(source).TrimEnd();
            if (lead.EndsWith(':') || lead.EndsWith('—') || lead.EndsWith('-') || lead.EndsWith('–'))
            {
                return marker.Style;
            }
        }

        var letterOpen = stack.FindLast(n => n.Style == letterStyle);
        if (letterOpen is not null && IsSuccessorOf(letterOpen, letterStyle, marker.Label))
        {
            return letterStyle;
        }

        return marker.Style;
    }

    private bool OpensNumberedList()
    {
        var deepest = stack.Count > 0 ? stack[^1] : top;
        return deepest is not null && !stack.Exists(n => n.Style is MarkerStyle.LetterParen)
            && (deepest == top || deepest.Style != MarkerStyle.NumberParen);
    }

    private static bool IsFirstLabel(MarkerStyle style, string label) => NumberingMarker.Ordinal(style, label) == 1;

    private static bool IsSuccessorOf(UnitNode open, MarkerStyle style, string label)
    {
        var prev = NumberingMarker.Ordinal(style, open.Label);
        var cur = NumberingMarker.Ordinal(style, label);
        return cur == prev + 1 || (cur == prev && label != open.Label);
    }

    private void AddText(TextSpan span, string text)
    {
        var deepest = stack.Count > 0 ? stack[^1] : top!;
        if (deepest.Children.Count == 0 && deepest.Own.Count == 0 && deepest.Heading is not null && stack.Count == 0)
        {
            deepest.Own.Add(span);
            return;
        }

        // Words after a list ("…; or (b) …; shall be guilty of an offence") close the list and belong to its owner.
        if (stack.Count > 0 && IsTail(deepest, text))
        {
            var owner = deepest.Parent!;
            stack.RemoveAt(stack.Count - 1);
            owner.Tail.Add(span);
            return;
        }

        if (deepest.Children.Count > 0)
        {
            deepest.Tail.Add(span);
        }
        else
        {
            deepest.Own.Add(span);
        }
    }

    private bool IsTail(UnitNode deepest, string text)
    {
        // Only the items of a list (a unit with siblings) can be followed by closing words of the list's owner.
        if (deepest.Own.Count == 0 || deepest.Style == MarkerStyle.Definition || deepest.Parent is not { Children.Count: >= 2, Own.Count: > 0 })
        {
            return false;
        }

        var last = deepest.Own[^1].Of(source).TrimEnd();
        var listContinues = last.EndsWith(';') || last.EndsWith(',') || last.EndsWith("; or", StringComparison.Ordinal)
            || last.EndsWith("; and", StringComparison.Ordinal) || last.EndsWith(" or", StringComparison.Ordinal)
            || last.EndsWith(" and", StringComparison.Ordinal);
        return listContinues && TailStartPattern().IsMatch(text);
    }

    private static bool IsHeadingLike(string text) =>
        text.Length is > 0 and <= 120 && !";:,".Contains(text[^1], StringComparison.Ordinal)
        && (char.IsUpper(text[0]) || char.IsDigit(text[0]) || text[0] is '"' or '“' or '‘') && !text.EndsWith('.')
        && !text.Contains(" shall ", StringComparison.Ordinal) && !text.Contains(" may ", StringComparison.Ordinal);

    private static bool IsAllCapsHeading(string text)
    {
        var letters = text.Count(char.IsLetter);
        return letters >= 4 && text.Length <= MaxHeadingLength && text.Where(char.IsLetter).All(char.IsUpper)
            && NumberingMarker.Parse(text) is null && !text.StartsWith('[');
    }

    private void CloseTop()
    {
        stack.Clear();
        top = null;
        awaitingTopHeading = false;
    }

    private void AddStructure(StructureKind kind, TextSpan span) =>
        structure.Add(new StructureElement(kind, span.Of(source), span.Start, span.End, span.Line));

    /// <summary>
    /// Whether a unit's sub-units are read as parts of one rule rather than rules of their own: the items of a
    /// lettered sub-paragraph or of a definition, and anything nested deeper (US Code: below the subparagraph).
    /// </summary>
    private bool AbsorbsChildren(UnitNode unit)
    {
        var depth = 0;
        for (var p = unit.Parent; p is not null; p = p.Parent)
        {
            depth++;
        }

        if (unit.Style == MarkerStyle.Definition)
        {
            return true;
        }

        if (unit.Children.Count > 0 && (IsDefinitionLeadIn(unit) || IsFragmentList(unit)))
        {
            return true;
        }

        var limit = mode == DocumentMode.SectionSigns ? 3 : 2;
        return depth >= limit || (depth == 1 && mode != DocumentMode.SectionSigns
            && unit.Style is MarkerStyle.LetterParen or MarkerStyle.LetterHalfParen);
    }

    /// <summary>A definition whose items spell out its meaning ("“subscriber information” means … (a) … (b) …").</summary>
    private bool IsDefinitionLeadIn(UnitNode unit)
    {
        var lead = string.Join(' ', unit.Own.Select(s => s.Of(source)));
        return DefinitionLeadInPattern().IsMatch(lead);
    }

    /// <summary>Items too short to state a rule of their own ("a) a computer system …; b) a storage medium").</summary>
    private bool IsFragmentList(UnitNode unit)
    {
        if (unit.Own.Count == 0)
        {
            return false;
        }

        var lengths = unit.Children.Select(c => AllSpans(c).Sum(s => s.End - s.Start)).ToList();
        var leads = new List<TextSpan>();
        for (var u = unit; u is not null; u = u.Parent)
        {
            leads.AddRange(u.Own.Concat(u.Tail));
        }

        var lead = string.Join(' ', leads.Select(s => s.Of(source)));

        // Short items of an offence ("A person who — (a) accesses …; (b) intercepts …") are different conducts.
        return lengths.Count > 0 && lengths.Average() < FragmentLength && !OffenceLeadInPattern().IsMatch(lead);
    }

    private static IEnumerable<TextSpan> AllSpans(UnitNode unit) =>
        unit.Own.Concat(unit.Children.SelectMany(AllSpans)).Concat(unit.Tail);

    private void Emit(UnitNode unit, List<Provision> provisions)
    {
        if (unit.Children.Count == 0 || AbsorbsChildren(unit))
        {
            var body = AllSpans(unit).ToList();
            if (body.Count == 0)
            {
                return;
            }

            var chapeau = new List<string>();
            var tail = new List<string>();
            for (var p = unit.Parent; p is not null; p = p.Parent)
            {
                chapeau.InsertRange(0, p.Own.Select(s => s.Of(source)));
                tail.AddRange(p.Tail.Select(s => s.Of(source)));
            }

            var words = chapeau.Concat(body.Select(s => s.Of(source))).Concat(tail);
            var text = string.Join(' ', words);
            var heading = unit.Heading;
            for (var p = unit.Parent; heading is null && p is not null; p = p.Parent)
            {
                heading = p.Heading;
            }

            provisions.Add(new Provision(
                name, unit.Reference, unit.Parent?.Reference, heading, text, body[0].Start, body.Max(s => s.End), body[0].Line));
            return;
        }

        foreach (var s in unit.Own.Concat(unit.Tail))
        {
            AddStructure(StructureKind.LeadIn, s);
        }

        foreach (var child in unit.Children)
        {
            Emit(child, provisions);
        }
    }

    private static List<Provision> DeduplicateReferences(List<Provision> provisions)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Provision>(provisions.Count);
        foreach (var p in provisions)
        {
            if (seen.TryGetValue(p.Ref, out var count))
            {
                seen[p.Ref] = count + 1;
                result.Add(p with { Ref = p.Ref + " [" + (count + 1).ToString(CultureInfo.InvariantCulture) + "]" });
            }
            else
            {
                seen[p.Ref] = 1;
                result.Add(p);
            }
        }

        return result;
    }
}
