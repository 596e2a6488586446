using Microsoft.ML.Data;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// The inputs of the stacked FastTree models: a provision's cue vector, every label's linear score, (when the model
/// predicts kinds) the probability of each kind, and (when the model reads provisions in context) the same scores and
/// probabilities of its neighbours and their mean over its region (<see cref="DocumentContext"/>). In training the
/// scores come from models that did not see the provision (out-of-fold); in scoring from the final models.
/// </summary>
internal static class StackingInputs
{
    /// <summary>Stacking inputs of a batch, from every label's linear scores ([label][row]), the kind probabilities and
    /// the provisions' documents (null: each provision alone), read as far as <paramref name="reach"/> says.</summary>
    public static List<VBuffer<float>> For(IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<int> cueIndices, double[][] linear,
        IReadOnlyList<float[]>? kindProbabilities, IReadOnlyList<int>? documents, ContextReach reach)
    {
        var firstLevel = rows.Select((_, i) => FirstLevel(linear.Select(l => l[i]).ToList(), kindProbabilities?[i])).ToList();
        var context = DocumentContext.Of(firstLevel, documents, reach.Window);
        var region = DocumentContext.Region(firstLevel, documents, reach.Region);
        return rows.Select((r, i) => Build(r, cueIndices, firstLevel[i], context[i], region[i])).ToList();
    }

    /// <summary>A provision's first-level outputs: every label's linear score, then the kind probabilities, if any.</summary>
    private static float[] FirstLevel(IReadOnlyList<double> linearScores, float[]? kindProbabilities)
    {
        var values = new float[linearScores.Count + (kindProbabilities?.Length ?? 0)];
        for (var l = 0; l < linearScores.Count; l++)
        {
            values[l] = (float)linearScores[l];
        }

        kindProbabilities?.CopyTo(values, linearScores.Count);
        return values;
    }

    private static VBuffer<float> Build(FeaturizedRow row, IReadOnlyList<int> cueIndices, float[] firstLevel, float[] context, float[] region)
    {
        var values = new float[cueIndices.Count + firstLevel.Length + context.Length + region.Length];
        for (var c = 0; c < cueIndices.Count; c++)
        {
            values[c] = row.Cues[cueIndices[c]];
        }

        firstLevel.CopyTo(values, cueIndices.Count);
        context.CopyTo(values, cueIndices.Count + firstLevel.Length);
        region.CopyTo(values, cueIndices.Count + firstLevel.Length + context.Length);
        return new VBuffer<float>(values.Length, values);
    }
}
