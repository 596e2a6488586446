using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Comparison;

/// <summary>One provision's change between two versions of a draft: the provisions aligned (by reference and text),
/// the word-level redline and, when a model scored both versions, the change in each label's probability.</summary>
/// <param name="Kind">What happened to the provision.</param>
/// <param name="Old">The provision in the earlier version (null when added).</param>
/// <param name="New">The provision in the later version (null when removed).</param>
/// <param name="Similarity">The similarity of the two texts (word 1–2-gram TF-IDF cosine; 0 when added or removed).</param>
/// <param name="Redline">The words kept, deleted and inserted, in reading order.</param>
/// <param name="OldScore">The earlier version's scores, when a model was given.</param>
/// <param name="NewScore">The later version's scores, when a model was given.</param>
public sealed record ProvisionChange(
    ChangeKind Kind,
    Provision? Old,
    Provision? New,
    double Similarity,
    IReadOnlyList<RedlineSegment> Redline,
    ProvisionScore? OldScore,
    ProvisionScore? NewScore)
{
    /// <summary>Gets how the change is named: the later reference, with the earlier one when it differs.</summary>
    public string Name => (Old, New) switch
    {
        ({ } o, { } n) when o.Ref != n.Ref => n.Ref + " (was " + o.Ref + ")",
        (_, { } n) => n.Ref,
        ({ } o, _) => o.Ref,
        _ => string.Empty,
    };

    /// <summary>Gets the largest change in probability over the labels, with its sign (0 without scores).</summary>
    public double RiskChange
    {
        get
        {
            var labels = (NewScore ?? OldScore)?.Labels.Select(l => l.Label) ?? [];
            return labels.Select(Change).OrderByDescending(Math.Abs).FirstOrDefault();
        }
    }

    /// <summary>Gets the change in the probability of <paramref name="label"/> (a missing version counts as 0).</summary>
    /// <param name="label">A label of the model.</param>
    /// <returns>The later probability minus the earlier one.</returns>
    public double Change(string label) => Probability(NewScore, label) - Probability(OldScore, label);

    private static double Probability(ProvisionScore? score, string label) => score is null ? 0 : score[label];
}
