using Microsoft.ML.Data;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// One label's model: a linear model, a FastTree model, or both stacked; Platt scaling fitted on out-of-fold
/// scores; and a decision threshold chosen on those out-of-fold probabilities (never on data that is reported).
/// </summary>
internal sealed class LabelModel(string label, PipelineKind kind, LinearModel? linear, TreeModel? tree, OutputLayer output, double threshold,
    int[]? treeSlots = null)
{
    /// <summary>Gets the feature slots the FastTree-only pipeline reads (null for the other pipelines).</summary>
    public int[]? TreeSlots { get; } = treeSlots;

    public string Label { get; } = label;

    public PipelineKind Kind { get; } = kind;

    public LinearModel? Linear { get; } = linear;

    public TreeModel? Tree { get; } = tree;

    /// <summary>Gets the output layer: calibration plus the sign-constrained directional cues.</summary>
    public OutputLayer Output { get; } = output;

    public double Threshold { get; } = threshold;

    /// <summary>The cue-rule score: whether the risk can arise (the label's applicability cues), plus the label's
    /// directional cues, each with the codebook's sign.</summary>
    public static double RuleScore(string label, FeaturizedRow row) =>
        CueDirections.ApplicabilityFor(label).Sum(c => row.Cues[LegalCues.IndexOf(c)])
        + CueDirections.For(label).Sum(d => d.Value * row.Cues[LegalCues.IndexOf(d.Key)]);

    /// <summary>Raw scores for a batch; <paramref name="stacking"/> holds the stacking inputs when the pipeline is stacked.</summary>
    public double[] RawScores(IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<VBuffer<float>>? stacking) => Kind switch
    {
        PipelineKind.Linear => rows.Select(r => Linear!.Score(r.Features)).ToArray(),
        PipelineKind.Stacked => Tree!.Score(stacking ?? throw new InvalidOperationException("stacking inputs are required")),
        PipelineKind.CueRules => rows.Select(r => RuleScore(Label, r)).ToArray(),
        _ => Tree!.Score(rows.Select(r => FeatureSelection.Project(r.Features, TreeSlots!)).ToList()),
    };
}
