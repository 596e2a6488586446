using ProvisionRisk.Documents;

namespace ProvisionRisk.Tests.Documents;

public sealed class NegotiationTextTests
{
    private const string Draft = """
        Draft convention on countering the use of information and communications technologies for criminal purposes

        Article 5
        Production orders
        1. Each State Party [shall][may] adopt such legislative and other measures as may be necessary to empower its competent authorities to order any person to submit specified electronic data[, subject to prior judicial authorization].
        2. The powers in this article shall be subject to article 24 and in accordance with paragraph 3 of this article.
        3. A person ordered under paragraph 1 may challenge the order before a court.
        Article 6
        Real-time collection
        [Option 1: Each State Party shall empower its competent authorities to collect traffic data in real time for serious crimes.]
        [Option 2: Each State Party may empower its competent authorities to collect traffic data in real time for any criminal offence.]
        Article 24
        Conditions and safeguards
        Each State Party shall ensure that the powers in this chapter are subject to independent judicial review, as provided in section 5 of the Criminal Procedure Code.
        """;

    private static IReadOnlyList<Provision> Provisions() => DocumentSegmenter.Segment(Draft, "draft").Provisions;

    [Fact]
    public void Keeps_bracketed_alternatives_in_the_text_and_flags_them_as_open()
    {
        var p = Provisions().Single(p => p.Ref == "Article 5(1)");
        Assert.Contains("[shall][may]", p.Text, StringComparison.Ordinal);
        Assert.Equal(2, p.OpenText.Count);
        var choice = p.OpenText[0];
        Assert.Equal("[shall][may]", choice.Text);
        Assert.Equal(["shall", "may"], choice.Alternatives);
        Assert.Equal("[shall][may]", p.Text[choice.Start..choice.End]);
        Assert.Equal([", subject to prior judicial authorization", string.Empty], p.OpenText[1].Alternatives);
    }

    [Fact]
    public void Each_alternative_reads_as_a_whole_provision()
    {
        var p = Provisions().Single(p => p.Ref == "Article 5(1)");
        var may = p.OpenText[0].Choose(p.Text, 1);
        Assert.StartsWith("1. Each State Party may adopt such legislative", may, StringComparison.Ordinal);
        var without = p.OpenText[1].Choose(p.Text, 1);
        Assert.EndsWith("submit specified electronic data.", without, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.OpenText[0].Choose(p.Text, 2));
    }

    [Fact]
    public void Bracketed_options_are_kept_as_one_provision_with_their_options()
    {
        var p = Provisions().Single(p => p.Ref == "Article 6");
        var options = Assert.Single(p.OpenText);
        Assert.Equal(2, options.Alternatives.Count);
        Assert.StartsWith("Each State Party shall empower", options.Alternatives[0], StringComparison.Ordinal);
        Assert.EndsWith("for any criminal offence.", options.Alternatives[1], StringComparison.Ordinal);

        var single = DocumentSegmenter.Segment("Article 1\n[Option 1 The Party shall act. Option 2 The Party may act.]\n", "d").Provisions[0];
        Assert.Equal(["The Party shall act.", "The Party may act."], Assert.Single(single.OpenText).Alternatives);
    }

    [Fact]
    public void Editorial_brackets_are_not_open_text()
    {
        var text = "Section 3\nThe Minister may, by order [Act No. 4 of 2021], amend the Schedule […] as provided [Repealed] and [(b) amended text] here.\n";
        Assert.Empty(DocumentSegmenter.Segment(text, "d").Provisions[0].OpenText);
    }

    [Fact]
    public void Records_cross_references_with_the_provisions_they_point_to()
    {
        var p = Provisions().Single(p => p.Ref == "Article 5(2)");
        var safeguard = p.CrossReferences.Single(c => c.Target == "Article 24");
        Assert.Equal("subject to article 24", safeguard.Text);
        Assert.Equal(["Article 24"], safeguard.Provisions);
        Assert.Equal("Conditions and safeguards", safeguard.Heading);
        Assert.Equal(safeguard.Text, p.Text[safeguard.Start..safeguard.End]);
        var paragraph = p.CrossReferences.Single(c => c.Target == "Article 5(3)");
        Assert.Equal("in accordance with paragraph 3 of this article", paragraph.Text);
        Assert.True(paragraph.IsResolved);
    }

    [Fact]
    public void A_reference_into_another_instrument_stays_unresolved()
    {
        var p = Provisions().Single(p => p.Ref == "Article 24");
        var external = Assert.Single(p.CrossReferences);
        Assert.Equal("section 5 of the Criminal Procedure Code", external.Target);
        Assert.False(external.IsResolved);
    }

    [Fact]
    public void Resolves_the_budapest_safeguard_clauses_of_each_power()
    {
        var budapest = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Root, "samples", "budapest-ets185.txt")).Provisions;
        var search = budapest.Single(p => p.Ref == "Article 19(5)");
        Assert.Equal(["Article 14", "Article 15"], search.CrossReferences.Select(c => c.Target));
        Assert.Equal("Conditions and safeguards", search.CrossReferences[1].Heading);
        Assert.Contains("Article 15(2)", search.CrossReferences[1].Provisions);

        var extradition = budapest.Single(p => p.Ref == "Article 22(3)");
        Assert.Equal("Article 24(1)", Assert.Single(extradition.CrossReferences).Target);
        var ranges = budapest.Single(p => p.Ref == "Article 14(2)").CrossReferences.Select(c => c.Target).ToList();
        Assert.Contains("Article 11", ranges);
        Assert.Contains("Article 21", ranges);
        Assert.Contains("Article 14(1)", ranges);
        Assert.Equal("Article 20(1)(a)", budapest.Single(p => p.Ref == "Article 20(2)").CrossReferences[0].Target);
    }

    [Fact]
    public void Resolves_relative_references_in_the_united_states_code()
    {
        var sca = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Instruments, "us-sca-18usc2701-2713.txt")).Provisions;
        var p = sca.Single(p => p.Ref == "§ 2712(e)(3)");
        Assert.Equal("§ 2712(e)(1)", Assert.Single(p.CrossReferences).Target);
    }
}
