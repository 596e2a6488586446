using FsCheck.Xunit;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Properties;

public sealed class ScoringProperties
{
    [Property(MaxTest = 150)]
    public void Scores_any_string_with_probabilities_between_0_and_1(string? text) => AssertProbabilities(text ?? string.Empty);

    [Property(Arbitrary = [typeof(Drafts)], MaxTest = 100)]
    public void Scores_any_draft_with_probabilities_between_0_and_1(Draft draft) => AssertProbabilities(draft.Text);

    private static void AssertProbabilities(string text)
    {
        var score = RiskModel.Default.Score(text);
        Assert.Equal(RiskModel.Default.Labels, score.Labels.Select(l => l.Label));
        foreach (var label in score.Labels)
        {
            Assert.InRange(label.Probability, 0, 1);
            Assert.Equal(label.Probability >= label.Threshold, label.Flagged);
        }

        Assert.InRange(score.KindProbability, 0, 1);
    }
}
