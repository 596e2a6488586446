using Microsoft.ML.Data;

namespace ProvisionRisk.Training;

/// <summary>Selects the feature slots a FastTree-only model uses: every cue slot and the n-gram slots that occur in the
/// most training provisions; and projects feature vectors onto them.</summary>
internal static class FeatureSelection
{
    public const int NgramCount = 1000;

    public static int[] MostFrequent(IReadOnlyList<Features.FeaturizedRow> rows, int featureCount, int cueCount)
    {
        var frequency = new int[featureCount];
        foreach (var row in rows)
        {
            var values = row.Features.GetValues();
            var indices = row.Features.GetIndices();
            for (var k = 0; k < values.Length; k++)
            {
                if (values[k] != 0)
                {
                    frequency[row.Features.IsDense ? k : indices[k]]++;
                }
            }
        }

        var ngramSlots = featureCount - cueCount;
        return Enumerable.Range(0, ngramSlots).OrderByDescending(i => frequency[i]).ThenBy(i => i).Take(NgramCount)
            .Concat(Enumerable.Range(ngramSlots, cueCount)).Order().ToArray();
    }

    public static VBuffer<float> Project(in VBuffer<float> features, int[] slots)
    {
        var dense = new float[slots.Length];
        var values = features.GetValues();
        var indices = features.GetIndices();
        if (features.IsDense)
        {
            for (var s = 0; s < slots.Length; s++)
            {
                dense[s] = values[slots[s]];
            }
        }
        else
        {
            for (var k = 0; k < values.Length; k++)
            {
                var s = Array.BinarySearch(slots, indices[k]);
                if (s >= 0)
                {
                    dense[s] = values[k];
                }
            }
        }

        return new VBuffer<float>(slots.Length, dense);
    }
}
