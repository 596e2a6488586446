using ProvisionRisk.Tests.Reports;
using ProvisionRisk.Scoring;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Training;

/// <summary>The stacked pipeline's linear models read the legal cues unless the cues are left to its trees.</summary>
public sealed class LinearCueFeaturesTests
{
    [Fact]
    public void Left_to_the_trees_the_cues_have_no_weight_in_the_linear_models()
    {
        var model = RiskTrainer.Train(TinyModel.Data, TinyModel.Options with { LinearCueFeatures = false });
        Assert.Contains("linearCueFeatures=false", model.Manifest.Settings, StringComparison.Ordinal);
        Assert.All(model.LabelModels, m => Assert.All(CueWeights(model, m), w => Assert.Equal(0f, w)));
        var texts = TinyModel.Data.Rows.Take(30).Select(r => r.Text).ToList();
        Assert.NotEqual(TinyModel.Model.Score(texts).Select(s => s["missing_safeguards"]), model.Score(texts).Select(s => s["missing_safeguards"]));
        Assert.Contains("- The legal cues are read by the trees and the kind model, not by the linear models", ModelCardTests.Card(model), StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_the_linear_models_weigh_the_cues()
    {
        Assert.True(new TrainingOptions().LinearCueFeatures);
        Assert.Contains("linearCueFeatures=true", TinyModel.Model.Manifest.Settings, StringComparison.Ordinal);
        Assert.Contains(TinyModel.Model.LabelModels, m => CueWeights(TinyModel.Model, m).Any(w => w != 0));
    }

    [Fact]
    public void The_linear_pipeline_always_reads_the_cues()
    {
        var model = RiskTrainer.Train(TinyModel.Data, TinyModel.Options with { Pipeline = PipelineKind.Linear, LinearCueFeatures = false });
        Assert.Contains("linearCueFeatures=true", model.Manifest.Settings, StringComparison.Ordinal);
        Assert.Contains(model.LabelModels, m => CueWeights(model, m).Any(w => w != 0));
    }

    private static IEnumerable<float> CueWeights(RiskModel model, LabelModel label)
    {
        var first = model.Featurizer.FeatureCount - model.Featurizer.CueIndices.Count;
        return label.Linear!.Weights.Skip(first);
    }
}
