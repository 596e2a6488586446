using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Scoring;

public sealed class DefaultModelTests
{
    [Fact]
    public void The_package_embeds_the_shipped_model()
    {
        var model = RiskModel.Default;
        Assert.Equal(["overbreadth", "missing_safeguards"], model.Labels);
        Assert.Equal(RiskModel.Load(RepoPaths.ShippedModel).Manifest.TrainingDataHash, model.Manifest.TrainingDataHash);
        Assert.Same(model, RiskModel.Default);
    }

    [Fact]
    public void The_shipped_model_was_trained_on_the_committed_training_data()
    {
        var data = ProvisionRisk.Training.LabelledDataset.Load([RepoPaths.TrainingData], ["overbreadth", "missing_safeguards"]);
        Assert.Equal(ProvisionRisk.Training.TrainingDataWriter.Hash(data), RiskModel.Default.Manifest.TrainingDataHash);
    }

    [Fact]
    public void The_shipped_model_ranks_a_content_offence_above_a_budapest_style_offence()
    {
        var content = RiskModel.Default.Score("Any person who publishes false news or insults a public official through a computer system commits an offence.");
        var narrow = RiskModel.Default.Score("Each Party shall establish as a criminal offence, when committed intentionally, the access to a computer system without right.");
        Assert.True(content["overbreadth"] > narrow["overbreadth"]);
        Assert.Equal("criminalisation", content.Kind);
    }
}
