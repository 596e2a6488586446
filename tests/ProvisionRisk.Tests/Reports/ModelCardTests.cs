using ProvisionRisk.Reports;

namespace ProvisionRisk.Tests.Reports;

public sealed class ModelCardTests
{
    [Fact]
    public void The_model_card_states_the_origins_and_licences_of_the_training_texts()
    {
        var text = Card(TinyModel.Model);
        Assert.Contains("## Training data: origins and licences", text, StringComparison.Ordinal);
        Assert.Contains("training-data/instruments/SOURCES.md", text, StringComparison.Ordinal);
        Assert.Contains("MIT licence", text, StringComparison.Ordinal);
        Assert.Contains("17 U.S.C. § 105", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_card_says_how_far_the_model_reads_around_a_provision()
    {
        var text = Card(TinyModel.Model);
        Assert.Contains("- Region: the trees also read the mean of the same linear scores and kind probabilities over the 10 provisions", text, StringComparison.Ordinal);
        Assert.Contains("kind probabilities of the 2 provisions before and after", text, StringComparison.Ordinal);
    }

    /// <summary>The Markdown model card of <paramref name="model"/>.</summary>
    internal static string Card(ProvisionRisk.Scoring.RiskModel model)
    {
        using var card = new StringWriter();
        ModelCardWriter.WriteMarkdown(model, card);
        return card.ToString();
    }
}
