using ProvisionRisk.Comparison;
using ProvisionRisk.Documents;

namespace ProvisionRisk.Tests.Comparison;

public sealed class DraftComparerTests
{
    private const string Old = """
        Article 1
        Use of terms
        For the purposes of this Convention, "data" means any representation of facts.
        Article 2
        Safeguards
        Each Party shall ensure that the powers in this chapter are subject to prior judicial authorisation and independent oversight.
        Article 3
        Production orders
        1. Each Party shall empower its competent authorities to order a service provider to submit specified subscriber information.
        2. The powers in this article shall be subject to Article 2.
        Article 4
        Interception
        Each Party shall empower its competent authorities to intercept content data for serious offences for a period not exceeding ninety days.
        """;

    private const string New = """
        Article 1
        Use of terms
        For the purposes of this Convention, "data" means any representation of facts.
        Article 2
        Production orders
        1. Each Party shall empower its competent authorities to order any person to submit specified subscriber information.
        2. The powers in this article shall be subject to Article 2.
        Article 3
        Interception
        Each Party shall empower its competent authorities to intercept content data for serious offences for a period not exceeding ninety days.
        Article 4
        Decryption
        Each Party shall ensure that any person may be compelled to decrypt any data.
        """;

    private static DraftComparison Compare(bool scored = false) =>
        DraftComparer.Compare(DocumentSegmenter.Segment(Old, "v1"), DocumentSegmenter.Segment(New, "v2"), scored ? TinyModel.Model : null);

    [Fact]
    public void Follows_renumbering_and_finds_added_removed_and_changed_provisions()
    {
        var c = Compare();
        Assert.Equal(ChangeKind.Unchanged, c.Changes.Single(x => x.New?.Ref == "Article 1").Kind);
        Assert.Equal("Article 2", c.Changes.Single(x => x.Kind == ChangeKind.Removed).Old!.Ref);
        Assert.Equal("Article 4", c.Changes.Single(x => x.Kind == ChangeKind.Added).New!.Ref);
        var interception = c.Changes.Single(x => x.New?.Ref == "Article 3");
        Assert.Equal(ChangeKind.Renumbered, interception.Kind);
        Assert.Equal("Article 4", interception.Old!.Ref);
        Assert.Equal("Article 3 (was Article 4)", interception.Name);
        var order = c.Changes.Single(x => x.New?.Ref == "Article 2(1)");
        Assert.Equal(ChangeKind.Changed, order.Kind);
        Assert.Equal("Article 3(1)", order.Old!.Ref);

        // The boilerplate paragraph goes with its article, not with the article that now has its old number.
        Assert.Equal("Article 3(2)", c.Changes.Single(x => x.New?.Ref == "Article 2(2)").Old!.Ref);
        Assert.Equal(6, c.Changes.Count);
    }

    [Fact]
    public void Redlines_the_words_that_changed()
    {
        var order = Compare().Changes.Single(x => x.New?.Ref == "Article 2(1)");
        Assert.Equal("[-a service provider-] {+any person+}", string.Join(' ', order.Redline.Where(s => s.Operation != RedlineOperation.Same)
            .Select(s => s.Operation == RedlineOperation.Deleted ? "[-" + s.Text + "-]" : "{+" + s.Text + "+}")));
        Assert.Equal(order.Old!.Text, string.Join(' ', order.Redline.Where(s => s.Operation != RedlineOperation.Inserted).Select(s => s.Text)));
        Assert.Equal(order.New!.Text, string.Join(' ', order.Redline.Where(s => s.Operation != RedlineOperation.Deleted).Select(s => s.Text)));
    }

    [Fact]
    public void Ranks_changes_by_the_change_in_risk()
    {
        var c = Compare(scored: true);
        Assert.Equal(["overbreadth", "missing_safeguards"], c.Labels);
        var risks = c.Changes.Select(x => Math.Abs(x.RiskChange)).ToList();
        Assert.Equal(risks.OrderByDescending(r => r), risks, new RoundedComparer());
        var added = c.Changes.Single(x => x.Kind == ChangeKind.Added);
        Assert.Equal(added.NewScore!["overbreadth"], added.Change("overbreadth"), 6);

        // Article 1's words are unchanged, but its neighbours are not (the safeguards article was removed), and the
        // model reads each provision with its neighbours: its score may move, and only by its context.
        var unchanged = c.Changes.Single(x => x.Kind == ChangeKind.Unchanged);
        var alone = DraftComparer.Compare(DocumentSegmenter.Segment(Old, "v1"), DocumentSegmenter.Segment(New, "v2"), TinyModel.Model,
            new ProvisionRisk.Scoring.ScoringOptions { ReadInContext = false });
        Assert.Equal(0, alone.Changes.Single(x => x.Kind == ChangeKind.Unchanged).RiskChange, 6);
        Assert.Equal(unchanged.NewScore!["missing_safeguards"] - unchanged.OldScore!["missing_safeguards"], unchanged.Change("missing_safeguards"), 6);
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;

        public int GetHashCode(double obj) => 0;
    }
}
