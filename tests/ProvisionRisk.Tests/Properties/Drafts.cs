using FsCheck;
using FsCheck.Fluent;

namespace ProvisionRisk.Tests.Properties;

/// <summary>A generated text that looks, more or less, like a draft law: numbering, headings, lead-ins, definitions,
/// divisions and signature lines in random order, with every kind of line ending, and sometimes plain noise.</summary>
public sealed record Draft(string Text)
{
    public override string ToString() => Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>FsCheck generators for <see cref="Draft"/>.</summary>
public static class Drafts
{
    private static readonly string[] Starts =
    [
        "Article 1", "Article 2", "Article 12:", "Art. 3", "Article (4)", "ARTICLE IV", "Article One", "[Article 5", "Section 5", "SECTION 6",
        "Sec. 2.", "§ 1030.", "§ 2703", "[§ 2", "1.", "2.", "3.", "12.", "30A.", "(1)", "(2)", "(3)", "(30A)", "(a)", "(b)", "(c)", "(h)",
        "(i)", "(ii)", "(v)", "(x)", "(l)", "(A)", "(B)", "(I)", "(II)", "a)", "b)", "1)", "2)", "i)", "\"computer\" means", "“data” includes",
        "'term' has", "PART I", "Part 2", "CHAPTER 2", "Chapter III", "SCHEDULE", "DIVISION 1", "Done at Budapest", "In witness whereof",
        "[... gap ...]", "[…]", "[Note]", "[PARTIAL", "OFFENCES", "INTERPRETATION",
    ];

    private static readonly string[] Words =
    [
        "Any", "person", "who", "shall", "commits an offence", "without right", "means", "the following:", "; or", "; and", ",", ".", ":",
        "—", "–", "-", ".—", ":—", "__", "Interpretation", "In this Act, unless the context otherwise requires", "Each Party shall", "may",
        "is liable", "shall be guilty", "x", "é", "\u00a0", "\t", "(", ")", "[", "]", "\"", "“", "”", "'", "1", "(1)", "(a)", "2.", "(b)",
        "Search and seizure", "National policy", "of", "the", "OF THE", "ARTICLE", "§", "§§",
    ];

    private static readonly string[] Breaks = [" ", " ", " ", "\n", "\n", "\r\n", "\r", "\n\n", "\n \n", ""];

    public static Arbitrary<Draft> Draft() => Arb.From(Gen.Frequency((4, Structured()), (1, Noise())).Select(t => new Draft(t)));

    private static Gen<string> Structured()
    {
        var word = Gen.Elements(Words);
        var line = Gen.Elements(Starts).SelectMany(start => Gen.ListOf(word).Select(ws => start + " " + string.Join(' ', ws)));
        var piece = Gen.Frequency((3, line), (1, word));
        return Gen.ListOf(Gen.Zip(piece, Gen.Elements(Breaks))).Select(items => string.Concat(items.Select(i => i.Item1 + i.Item2)));
    }

    private static Gen<string> Noise() => ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);
}
