using ProvisionRisk.Documents;

namespace ProvisionRisk.Tests.Documents;

public sealed class SegmenterTests
{
    private static IReadOnlyList<Provision> Cut(string text) => DocumentSegmenter.Segment(text, "doc").Provisions;

    private static string[] Refs(string text) => Cut(text).Select(p => p.Ref).ToArray();

    [Fact]
    public void Reads_articles_with_headings_and_numbered_paragraphs()
    {
        var text = """
            Convention on Things

            Article 19
            Search and seizure
            1. Each Party shall adopt such measures as may be necessary.
            2. Each Party shall also adopt other measures.
            Art. 20
            Real-time collection
            Each Party shall collect nothing.
            Article 24: Extradition
            This article applies to extradition.
            """;
        Assert.Equal(["Article 19(1)", "Article 19(2)", "Article 20", "Article 24"], Refs(text));
        var p = Cut(text)[0];
        Assert.Equal("Search and seizure", p.Heading);
        Assert.Equal("Article 19", p.Parent);
        Assert.Equal(5, p.Line);
    }

    [Fact]
    public void Reads_sections_with_subsections_and_paragraphs_carrying_their_chapeau()
    {
        var text = """
            PART I
            OFFENCES
            4. Illegal access
            (1) A person who intentionally and unlawfully—
            (a) accesses a computer system;
            (b) intercepts a transmission,
            commits an offence.
            (2) A person convicted under subsection (1) is liable to a fine.
            5. Data interference
            A person who damages data without right commits an offence.
            """;
        Assert.Equal(["Section 4(1)(a)", "Section 4(1)(b)", "Section 4(2)", "Section 5"], Refs(text));
        var b = Cut(text)[1];
        Assert.Equal("(1) A person who intentionally and unlawfully— (b) intercepts a transmission, commits an offence.", b.Text);
        Assert.Equal("(1) A person who intentionally and unlawfully— (a) accesses a computer system; commits an offence.", Cut(text)[0].Text);
    }

    [Fact]
    public void Reads_us_code_sections_with_four_levels()
    {
        var text = """
            § 1030. Fraud and related activity
            (a) Whoever
            (1) knowingly accesses a computer; or
            (2) intentionally accesses a computer and thereby obtains
            (A) information contained in a financial record of a financial institution;
            (B) information from any department or agency of the United States; or
            (C) information from any protected computer;
            (b) Whoever conspires shall be punished.
            """;
        Assert.Equal(["§ 1030(a)(1)", "§ 1030(a)(2)(A)", "§ 1030(a)(2)(B)", "§ 1030(a)(2)(C)", "§ 1030(b)"], Refs(text));
        Assert.Equal("doc:s1030(a)(2)(C)", Cut(text)[3].Id);
    }

    [Fact]
    public void Reads_i_after_h_as_a_letter_and_i_under_a_as_a_roman_numeral()
    {
        var letters = string.Join('\n', "abcdefghij".Select(c => $"({c}) to exercise the power numbered {c} of the Authority, in respect of every matter of kind {c} arising under this Act;"));
        var afterH = "3. Functions\nThe Authority shall have the following functions:\n" + letters;
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"Section 3({(char)('a' + i)})"), Refs(afterH));

        var underA = """
            7. Offences
            A person who intentionally, without lawful authority and for a dishonest purpose—
            (a) accesses a computer system that is—
            (i) a protected system of the government of the Republic; or
            (ii) a system holding critical information of a bank or financial institution;
            (b) intercepts a transmission of data of any kind without the consent of the owner,
            commits an offence.
            """;
        var refs = Refs(underA);
        Assert.Equal(["Section 7(a)", "Section 7(b)"], refs);
        Assert.Contains("(ii) a system holding critical information", Cut(underA)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Splits_several_numbered_paragraphs_on_one_line()
    {
        var text = "Article 3\n1. Each Party shall act lawfully. 2. Each Party may refuse assistance. 3. Each Party shall report.\n";
        Assert.Equal(["Article 3(1)", "Article 3(2)", "Article 3(3)"], Refs(text));
        Assert.Equal("2. Each Party may refuse assistance.", Cut(text)[1].Text);
    }

    [Fact]
    public void Reads_upper_case_and_upper_roman_markers_and_half_parenthesis_letters()
    {
        var text = """
            Article 1
            For the purposes of this Convention:
            a) "computer system" means any device;
            b) "service provider" means:
            (i) any public or private entity that provides to users the ability to communicate, and
            (ii) any other entity that processes or stores computer data on behalf of such service;
            """;
        Assert.Equal(["Article 1(a)", "Article 1(b)"], Refs(text));
        Assert.StartsWith("For the purposes of this Convention: b)", Cut(text)[1].Text, StringComparison.Ordinal);

        var us = """
            § 2523. Agreements
            (b) Requirements
            (1) the foreign government affords protections, including whether it
            (A) adheres to applicable international human rights obligations, including—
            (I) protection from arbitrary interference with privacy; and
            (II) fair trial rights;
            (B) has clear legal mandates and procedures governing those entities of the foreign government;
            """;
        Assert.Equal(["§ 2523(b)(1)(A)", "§ 2523(b)(1)(B)"], Refs(us));
        Assert.Contains("(II) fair trial rights;", Cut(us)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_titles_preambles_headings_and_signature_blocks_as_structure()
    {
        var text = """
            Convention on Things
            Preamble
            The States Parties,
            Considering the need for things,
            Have agreed as follows:
            CHAPTER I
            USE OF TERMS
            Article 1
            Each Party shall do things.
            In witness whereof the undersigned have signed this Convention.
            Done at Budapest, the 23rd day of November 2001.
            """;
        var document = DocumentSegmenter.Segment(text, "doc");
        Assert.Equal(["Article 1"], document.Provisions.Select(p => p.Ref));
        Assert.Equal("Each Party shall do things.", document.Provisions[0].Text);
        Assert.Contains(document.Structure, s => s.Kind == StructureKind.Signature && s.Text.StartsWith("Done at", StringComparison.Ordinal));
        Assert.Contains(document.Structure, s => s.Kind == StructureKind.Division && s.Text == "CHAPTER I");
        Assert.Contains(document.Structure, s => s.Kind == StructureKind.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("(a)")]
    [InlineData("1.")]
    [InlineData("Article")]
    [InlineData("§")]
    [InlineData("((((((((((((")]
    [InlineData("\r\n(1)\r(2)\n\r(3)")]
    public void Handles_degenerate_input_without_throwing(string text)
    {
        var document = DocumentSegmenter.Segment(text, "doc");
        Assert.Equal(document.Provisions.Count, document.Provisions.Select(p => p.Ref).Distinct().Count());
    }

    [Fact]
    public void Handles_deep_nesting_and_a_huge_single_line()
    {
        var deep = "Section 1\n" + string.Join('\n', Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? "(a) level" : "(1) level"));
        Assert.NotEmpty(Refs(deep));
        var huge = "Article 1\n" + string.Concat(Enumerable.Repeat("Each Party shall act. ", 100_000));
        Assert.Single(Refs(huge));
    }

    [Fact]
    public void Reads_markdown_headings()
    {
        var text = "# Draft convention\n\n## Chapter II\n\n### Article 5 – Illegal access\n\n1. Each State Party shall criminalise access without right.\n2. A State Party may require dishonest intent.\n";
        var document = DocumentSegmenter.Segment(text, "draft");
        Assert.Equal(["Article 5(1)", "Article 5(2)"], document.Provisions.Select(p => p.Ref));
        Assert.Equal("Illegal access", document.Provisions[0].Heading);
    }

    [Fact]
    public void Names_documents_after_their_file()
    {
        Assert.Equal("malabo-2014", DocumentSegmenter.DocumentName("/x/malabo-2014.partial.txt"));
        Assert.Equal("draft", DocumentSegmenter.DocumentName("draft.md"));
        Assert.Equal("budapest-ets185:art19(4)", ProvisionId.For("budapest-ets185", "Article 19(4)"));
        Assert.Equal("s2703(d)", ProvisionId.Shorten("§ 2703(d)"));
    }
}
