using ProvisionRisk.Reports;

namespace ProvisionRisk.Tests.Reports;

public sealed class ModelCardTests
{
    [Fact]
    public void The_model_card_states_the_origins_and_licences_of_the_training_texts()
    {
        using var card = new StringWriter();
        ModelCardWriter.WriteMarkdown(TinyModel.Model, card);
        var text = card.ToString();
        Assert.Contains("## Training data: origins and licences", text, StringComparison.Ordinal);
        Assert.Contains("training-data/instruments/SOURCES.md", text, StringComparison.Ordinal);
        Assert.Contains("MIT licence", text, StringComparison.Ordinal);
        Assert.Contains("17 U.S.C. § 105", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_card_says_how_far_the_model_reads_around_a_provision()
    {
        using var card = new StringWriter();
        ModelCardWriter.WriteMarkdown(TinyModel.Model, card);
        var text = card.ToString();
        Assert.Contains("- Region: the trees also read the mean of the same linear scores and kind probabilities over the 10 provisions", text, StringComparison.Ordinal);
        Assert.Contains("kind probabilities of the 2 provisions before and after", text, StringComparison.Ordinal);
    }
}
