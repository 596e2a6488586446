namespace ProvisionRisk.Scoring;

/// <summary>A label's output layer: a raw score <c>s</c> maps to <c>1 / (1 + exp(−(Scale·s + LinearWeight·l + Σ CueWeights[c]·cue[c] + Bias)))</c>,
/// where <c>l</c> is the label's linear score (stacked pipeline) and <c>cue[c]</c> is log(1 + occurrences) of a
/// directional legal cue; each cue weight has the sign the codebook gives it.</summary>
/// <param name="Scale">The weight of the raw score (non-negative).</param>
/// <param name="Bias">The intercept.</param>
/// <param name="CueWeights">The weights of the label's directional cues, by cue name.</param>
public sealed record CalibrationParameters(double Scale, double Bias, IReadOnlyDictionary<string, double> CueWeights)
{
    /// <summary>Gets the weight of the label's linear score beside the raw score (stacked pipeline; non-negative).</summary>
    /// <value>The default value is 0 (no separate linear term).</value>
    public double LinearWeight { get; init; }
}
