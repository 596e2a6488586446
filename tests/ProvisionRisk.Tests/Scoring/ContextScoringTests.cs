using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Scoring;

/// <summary>The default pipeline reads a provision with its neighbours in the same document (TinyModel is trained with
/// the default context window of 2 and region window of 10).</summary>
public sealed class ContextScoringTests
{
    private static readonly string Draft = string.Join('\n',
        "Article 1", "For the purposes of this Convention, \"computer data\" means any representation of facts, information or concepts.",
        "Article 2", "Each Party shall establish as criminal offences the access to the whole or any part of a computer system without right.",
        "Article 3", "Each Party shall adopt measures to empower its competent authorities to order a person to submit specified computer data.",
        "Article 4", "Each Party shall adopt measures to empower its competent authorities to collect or record traffic data in real time.",
        "Article 5", "The powers and procedures in this section shall be subject to conditions and safeguards under domestic law.",
        "Article 6", "Each Party shall designate a point of contact available on a twenty-four hour, seven-day-a-week basis.",
        string.Empty);

    [Fact]
    public void The_trained_model_records_its_context_window_and_neighbours_change_some_scores()
    {
        Assert.Equal(2, TinyModel.Model.Manifest.ContextWindow);
        Assert.Equal(10, TinyModel.Model.Manifest.RegionWindow);
        var provisions = DocumentSegmenter.Segment(Draft, "draft").Provisions;
        var inDocument = TinyModel.Model.Score(provisions);
        var alone = provisions.Select(p => TinyModel.Model.Score(p.Text)).ToList();
        Assert.Contains(inDocument.Zip(alone), p => p.First["missing_safeguards"] != p.Second["missing_safeguards"] || p.First["overbreadth"] != p.Second["overbreadth"]);
    }

    [Fact]
    public void The_evidence_says_how_far_the_neighbours_moved_a_score()
    {
        var provisions = DocumentSegmenter.Segment(Draft, "draft").Provisions;
        var inDocument = TinyModel.Model.Score(provisions, new ScoringOptions { MaxEvidence = 50 });
        var moved = 0;
        for (var i = 0; i < provisions.Count; i++)
        {
            foreach (var label in inDocument[i].Labels)
            {
                var alone = TinyModel.Model.Score(provisions[i].Text)[label.Label];
                var shift = Logit(label.Probability) - Logit(alone);
                var context = label.Evidence.SingleOrDefault(e => e.Feature == "context:neighbours");
                if (Math.Abs(shift) < 0.01)
                {
                    Assert.Null(context);
                    continue;
                }

                moved++;
                Assert.NotNull(context);
                Assert.Equal(shift, context.Weight, 0.0001);
                Assert.Empty(context.Spans);
            }
        }

        Assert.True(moved > 0);
        var notInContext = TinyModel.Model.Score(provisions, new ScoringOptions { MaxEvidence = 50, ReadInContext = false });
        Assert.DoesNotContain(notInContext.SelectMany(s => s.Labels).SelectMany(l => l.Evidence), e => e.Feature == "context:neighbours");
        Assert.Equal(provisions.Select(p => TinyModel.Model.Score(p.Text)["missing_safeguards"]), notInContext.Select(s => s["missing_safeguards"]));
    }

    [Fact]
    public void A_text_scored_alone_scores_as_a_document_of_one_provision()
    {
        var provision = DocumentSegmenter.Segment(Draft, "draft").Provisions[3];
        Assert.Equal(Probabilities(TinyModel.Model.Score(provision.Text)), Probabilities(TinyModel.Model.Score([provision])[0]));
        Assert.Equal(Probabilities(TinyModel.Model.Score(provision.Text)), Probabilities(TinyModel.Model.Score([provision.Text])[0]));
    }

    [Fact]
    public void Neighbours_from_another_document_are_never_read()
    {
        var first = DocumentSegmenter.Segment(Draft, "first").Provisions;
        var second = DocumentSegmenter.Segment(Draft.Replace("real time", "real time for any criminal offence", StringComparison.Ordinal), "second").Provisions;
        var together = TinyModel.Model.Score(first.Concat(second)).Select(Probabilities).ToList();
        Assert.Equal(TinyModel.Model.Score(first).Select(Probabilities), together.Take(first.Count));
        Assert.Equal(TinyModel.Model.Score(second).Select(Probabilities), together.Skip(first.Count));
    }

    [Fact]
    public void An_alternative_reading_is_read_with_the_provision_s_neighbours()
    {
        var draft = Draft.Replace("collect or record traffic data", "collect or record [traffic data][content data]", StringComparison.Ordinal);
        var provisions = DocumentSegmenter.Segment(draft, "draft").Provisions;
        var score = TinyModel.Model.Score(provisions, new ScoringOptions { ScoreAlternatives = true })[3];
        Assert.Equal(["traffic data", "content data"], score.Alternatives.Select(a => a.Reading));

        // The same as scoring the document drafted with that reading.
        var settled = DocumentSegmenter.Segment(Draft.Replace("traffic data", "content data", StringComparison.Ordinal), "draft").Provisions;
        Assert.Equal(Probabilities(TinyModel.Model.Score(settled)[3]), score.Alternatives[1].Labels.Select(l => l.Probability));
    }

    [Fact]
    public void The_region_reaches_past_the_neighbours_and_only_a_model_with_a_region_reads_it()
    {
        var longer = Draft + string.Join('\n',
            "Article 7", "Each Party shall adopt measures to establish jurisdiction over any offence committed in its territory.",
            "Article 8", "Each Party shall afford one another mutual assistance to the widest extent possible.",
            "Article 9", "Each Party may refuse assistance if the request concerns a political offence.",
            string.Empty);
        var changed = longer.Replace("\"computer data\" means any representation of facts, information or concepts",
            "\"computer data\" means data processed in a computer system for the purposes of an investigation", StringComparison.Ordinal);
        var before = DocumentSegmenter.Segment(longer, "draft").Provisions;
        var after = DocumentSegmenter.Segment(changed, "draft").Provisions;
        Assert.Equal(9, before.Count);

        // Provision 7 (Article 8) is six places from the changed definition: beyond the context window of 2, within
        // the region of 10.
        Assert.NotEqual(Probabilities(TinyModel.Model.Score(before)[6]), Probabilities(TinyModel.Model.Score(after)[6]));
        var withoutRegion = RiskTrainer.Train(TinyModel.Data, TinyModel.Options with { RegionWindow = 0 });
        Assert.Equal(Probabilities(withoutRegion.Score(before)[6]), Probabilities(withoutRegion.Score(after)[6]));
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static IEnumerable<double> Probabilities(ProvisionScore score) => score.Labels.Select(l => l.Probability);
}
