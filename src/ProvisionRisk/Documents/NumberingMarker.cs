using System.Text.RegularExpressions;

namespace ProvisionRisk.Documents;

/// <summary>The numbering styles of sub-units, each its own level in a list hierarchy.</summary>
internal enum MarkerStyle
{
    /// <summary><c>1.</c></summary>
    NumberDot,

    /// <summary><c>(1)</c></summary>
    NumberParen,

    /// <summary><c>1)</c></summary>
    NumberHalfParen,

    /// <summary><c>(a)</c></summary>
    LetterParen,

    /// <summary><c>a)</c></summary>
    LetterHalfParen,

    /// <summary><c>(i)</c></summary>
    RomanParen,

    /// <summary><c>i)</c></summary>
    RomanHalfParen,

    /// <summary><c>(A)</c></summary>
    UpperParen,

    /// <summary><c>(I)</c></summary>
    UpperRomanParen,

    /// <summary>An unnumbered definition: <c>"computer" means …</c>.</summary>
    Definition,
}

/// <summary>A numbering marker at the start of a line, with both readings when it is ambiguous
/// (<c>(i)</c> is a letter after <c>(h)</c> but a roman numeral under <c>(a)</c>).</summary>
internal sealed record NumberingMarker(MarkerStyle Style, string Label, int Length, MarkerStyle? AlternativeStyle)
{
    private static readonly Regex NumberParenPattern = new(@"^\((\d{1,3}[A-Z]{0,2})\)\s*", RegexOptions.CultureInvariant);
    private static readonly Regex NumberDotPattern = new(@"^(\d{1,3})\.(?=\s|$)\s*", RegexOptions.CultureInvariant);
    private static readonly Regex NumberHalfParenPattern = new(@"^(\d{1,3})\)\s+", RegexOptions.CultureInvariant);
    private static readonly Regex LowerParenPattern = new(@"^\(([a-z]{1,5})\)\s*", RegexOptions.CultureInvariant);
    private static readonly Regex LowerHalfParenPattern = new(@"^([a-z]{1,5})\)\s*", RegexOptions.CultureInvariant);
    private static readonly Regex UpperParenPattern = new(@"^\(([A-Z]{1,5})\)\s*", RegexOptions.CultureInvariant);
    private static readonly Regex DefinitionPattern = new(
        "^[\"“‘']([^\"”’']{1,90})[\"”’']\\s*(?:\\([^)]{0,40}\\)\\s*)?(?:,|;|or\\b|and\\b|means\\b|includes\\b|has\\b|in relation\\b|in respect\\b|refers\\b|shall\\b|is\\b|\\(|:|—|-)",
        RegexOptions.CultureInvariant);
    private static readonly Regex RomanPattern = new("^(?=[ivxl])(l|xl|l?x{0,3})(ix|iv|v?i{0,3})$", RegexOptions.CultureInvariant);

    /// <summary>Reads the marker at the start of <paramref name="text"/>, if any.</summary>
    public static NumberingMarker? Parse(string text) => Parse(text, 0, text.Length);

    /// <summary>Reads the marker at <paramref name="start"/> of <paramref name="source"/>, as if the text ended at
    /// <paramref name="end"/>, without copying it (a line can be very long).</summary>
    public static NumberingMarker? Parse(string source, int start, int end)
    {
        var length = end - start;
        Match m;
        if ((m = NumberParenPattern.Match(source, start, length)).Success)
        {
            return new(MarkerStyle.NumberParen, m.Groups[1].Value, m.Length, null);
        }

        if ((m = NumberDotPattern.Match(source, start, length)).Success)
        {
            return new(MarkerStyle.NumberDot, m.Groups[1].Value, m.Length, null);
        }

        if ((m = NumberHalfParenPattern.Match(source, start, length)).Success)
        {
            return new(MarkerStyle.NumberHalfParen, m.Groups[1].Value, m.Length, null);
        }

        if ((m = LowerParenPattern.Match(source, start, length)).Success)
        {
            return Letterish(m, MarkerStyle.LetterParen, MarkerStyle.RomanParen, upper: false);
        }

        if ((m = LowerHalfParenPattern.Match(source, start, length)).Success && length > m.Length)
        {
            return Letterish(m, MarkerStyle.LetterHalfParen, MarkerStyle.RomanHalfParen, upper: false);
        }

        if ((m = UpperParenPattern.Match(source, start, length)).Success)
        {
            return Letterish(m, MarkerStyle.UpperParen, MarkerStyle.UpperRomanParen, upper: true);
        }

        if ((m = DefinitionPattern.Match(source, start, length)).Success)
        {
            return new(MarkerStyle.Definition, m.Groups[1].Value.Trim(), 0, null);
        }

        return null;
    }

    /// <summary>Whether <paramref name="label"/> is a valid lower-case roman numeral.</summary>
    public static bool IsRoman(string label) => RomanPattern.IsMatch(label.ToLowerInvariant());

    /// <summary>The numeric value of a label in <paramref name="style"/>, used to check sequences.</summary>
    public static int Ordinal(MarkerStyle style, string label)
    {
        switch (style)
        {
            case MarkerStyle.NumberDot:
            case MarkerStyle.NumberParen:
            case MarkerStyle.NumberHalfParen:
                var digits = new string(label.TakeWhile(char.IsDigit).ToArray());
                return int.TryParse(digits, out var n) ? n : 0;
            case MarkerStyle.RomanParen:
            case MarkerStyle.RomanHalfParen:
            case MarkerStyle.UpperRomanParen:
                return RomanValue(label.ToLowerInvariant());
            case MarkerStyle.LetterParen:
            case MarkerStyle.LetterHalfParen:
            case MarkerStyle.UpperParen:
                var c = char.ToLowerInvariant(label[0]);
                return (c - 'a' + 1) + (26 * (label.Length - 1));
            default:
                return 0;
        }
    }

    /// <summary>The label that follows <paramref name="label"/> in <paramref name="style"/>, or null.</summary>
    public static string? Successor(MarkerStyle style, string label)
    {
        var next = Ordinal(style, label) + 1;
        return style switch
        {
            MarkerStyle.NumberDot or MarkerStyle.NumberParen or MarkerStyle.NumberHalfParen => next.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MarkerStyle.RomanParen or MarkerStyle.RomanHalfParen => ToRoman(next),
            MarkerStyle.UpperRomanParen => ToRoman(next).ToUpperInvariant(),
            MarkerStyle.LetterParen or MarkerStyle.LetterHalfParen when next <= 26 => ((char)('a' + next - 1)).ToString(),
            MarkerStyle.UpperParen when next <= 26 => ((char)('A' + next - 1)).ToString(),
            _ => null,
        };
    }

    /// <summary>Formats <paramref name="label"/> as it would appear at the start of a line.</summary>
    public static string Render(MarkerStyle style, string label) => style switch
    {
        MarkerStyle.NumberDot => label + ".",
        MarkerStyle.NumberHalfParen or MarkerStyle.LetterHalfParen or MarkerStyle.RomanHalfParen => label + ")",
        _ => "(" + label + ")",
    };

    private static NumberingMarker? Letterish(Match m, MarkerStyle letter, MarkerStyle roman, bool upper)
    {
        var label = m.Groups[1].Value;
        var lower = label.ToLowerInvariant();
        var isRoman = IsRoman(lower);
        var isLetter = label.Length == 1 || label.All(ch => ch == label[0]);
        if (!isRoman && !isLetter)
        {
            return null;
        }

        if (upper && label.Length > 1 && !isRoman && label.Length > 2)
        {
            return null;
        }

        if (isRoman && isLetter && label.Length == 1)
        {
            // i, v, x, l: a letter or a roman numeral; the caller decides from context.
            return new(roman, label, m.Length, letter);
        }

        return new(isRoman ? roman : letter, label, m.Length, null);
    }

    private static int RomanValue(string s)
    {
        int total = 0, prev = 0;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            var v = s[i] switch { 'i' => 1, 'v' => 5, 'x' => 10, 'l' => 50, 'c' => 100, _ => 0 };
            total += v < prev ? -v : v;
            prev = Math.Max(prev, v);
        }

        return total;
    }

    private static string ToRoman(int n)
    {
        var result = new System.Text.StringBuilder();
        (int Value, string Symbol)[] table = [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
        foreach (var (value, symbol) in table)
        {
            while (n >= value)
            {
                result.Append(symbol);
                n -= value;
            }
        }

        return result.ToString();
    }
}
