using Microsoft.ML.Data;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// The inputs of the stacked FastTree models: a provision's cue vector, every label's linear score and (when the
/// model predicts kinds) the probability of each kind. In training the scores come from models that did not see
/// the provision (out-of-fold); in scoring from the final models.
/// </summary>
internal static class StackingInputs
{
    public static VBuffer<float> Build(FeaturizedRow row, IReadOnlyList<int> cueIndices, IReadOnlyList<double> linearScores, float[]? kindProbabilities)
    {
        var size = cueIndices.Count + linearScores.Count + (kindProbabilities?.Length ?? 0);
        var values = new float[size];
        for (var c = 0; c < cueIndices.Count; c++)
        {
            values[c] = row.Cues[cueIndices[c]];
        }

        for (var l = 0; l < linearScores.Count; l++)
        {
            values[cueIndices.Count + l] = (float)linearScores[l];
        }

        kindProbabilities?.CopyTo(values, cueIndices.Count + linearScores.Count);
        return new VBuffer<float>(size, values);
    }

    /// <summary>Stacking inputs of a batch, from every label's linear scores ([label][row]) and the kind model.</summary>
    public static List<VBuffer<float>> For(IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<int> cueIndices, double[][] linear,
        IReadOnlyList<(string Kind, double Probability, float[] All)>? kindProbabilities) =>
        rows.Select((r, i) => Build(r, cueIndices, linear.Select(l => l[i]).ToList(), kindProbabilities?[i].All)).ToList();
}
