using ProvisionRisk.Documents;
using ProvisionRisk.Precedents;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Precedents;

public sealed class PrecedentTests
{
    private static RiskModel Model => TinyModel.Model;

    [Fact]
    public void Finds_the_training_provision_a_clause_reads_like()
    {
        var text = "Each Party shall adopt such measures as may be necessary to empower its competent authorities to order any person who has knowledge about the functioning of the computer system to provide the necessary information.";
        var found = Model.Precedents.Find(text, 3);
        Assert.Equal(3, found.Count);
        Assert.Equal("budapest-ets185:art19(4)", found[0].Provision.Id);
        Assert.Equal("budapest-ets185 Article 19(4)", found[0].Name);
        Assert.True(found[0].Similarity > 0.5 && found[0].Similarity <= 1);
        Assert.True(found[0].Similarity >= found[1].Similarity && found[1].Similarity >= found[2].Similarity);
        Assert.False(string.IsNullOrWhiteSpace(found[0].Provision.Rationale));
    }

    [Fact]
    public void Learns_which_label_each_codebook_flag_explains()
    {
        var flags = Model.Precedents.FlagLabels;
        Assert.Equal("overbreadth", flags["A8 compelled-assistance"]);
        Assert.Equal("missing_safeguards", flags["B1 no-independent-authorisation"]);
    }

    [Fact]
    public void Scores_carry_precedents_and_the_flags_they_suggest_when_asked()
    {
        var budapest = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Root, "samples", "budapest-ets185.txt")).Provisions;
        var provision = budapest.Single(p => p.Ref == "Article 21(1)(b)");
        var plain = Model.Score([provision])[0];
        Assert.Empty(plain.Precedents);
        var score = Model.Score([provision], new ScoringOptions { Precedents = 2 })[0];
        Assert.Equal(2, score.Precedents.Count);
        Assert.Equal(provision.Id, score.Precedents[0].Provision.Id);
        var flagged = score.Labels.Where(l => l.Flagged).Select(l => l.Label).ToHashSet();
        Assert.All(score.Flags, f => Assert.Contains(f.Label, flagged));
        Assert.All(score.Flags, f => Assert.InRange(f.Support, 0.3, 1));
        Assert.Throws<ArgumentException>(() => Model.Score("text", new ScoringOptions { Precedents = -1 }));
    }

    [Fact]
    public void The_index_is_built_once_and_shared_safely_across_threads()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 16, _ => results.Add(Model.Precedents.Find("interception of content data in real time", 1)[0].Provision.Id));
        Assert.Single(results.Distinct());
        Assert.Same(Model.Precedents, Model.Precedents);
    }

    [Fact]
    public void Warns_when_text_is_not_english_or_far_from_the_training_data()
    {
        var budapest = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Root, "samples", "budapest-ets185.txt")).Provisions.Select(p => p.Text);
        Assert.True(Model.CheckSuitability(budapest).IsSuitable);
        var french = Model.CheckSuitability(["Chaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour ériger en infraction pénale l'accès intentionnel et sans droit à tout ou partie d'un système informatique."]);
        Assert.Contains("English", Assert.Single(french.Warnings), StringComparison.Ordinal);
        var recipe = Model.CheckSuitability(["Preheat the oven and grease a baking tin with butter.", "Mix the flour, sugar and eggs until smooth, then fold in the apples.", "Bake for forty minutes and leave to cool before serving."]);
        Assert.Contains("far from anything in the training data", Assert.Single(recipe.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_alternative_of_open_text_is_scored_when_asked()
    {
        var draft = "Article 5\nEach State Party [shall][may] empower its authorities to order any person to decrypt data[, subject to prior judicial authorization].\n";
        var provision = DocumentSegmenter.Segment(draft, "draft").Provisions[0];
        var score = Model.Score([provision], new ScoringOptions { ScoreAlternatives = true })[0];
        Assert.Equal(4, score.Alternatives.Count);
        Assert.Equal(["shall", "may", ", subject to prior judicial authorization", string.Empty], score.Alternatives.Select(a => a.Reading));
        Assert.StartsWith("Each State Party may empower", score.Alternatives[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("decrypt data.", score.Alternatives[3].Text, StringComparison.Ordinal);
        Assert.All(score.Alternatives, a => Assert.InRange(a["missing_safeguards"], 0, 1));
        Assert.Empty(Model.Score([provision])[0].Alternatives);
    }
}
