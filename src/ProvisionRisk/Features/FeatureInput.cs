namespace ProvisionRisk.Features;

/// <summary>The row the featurizer reads: a provision's text and its cue vector.</summary>
internal sealed class FeatureInput
{
    public string Text { get; set; } = string.Empty;

    public float[] Cues { get; set; } = [];
}
