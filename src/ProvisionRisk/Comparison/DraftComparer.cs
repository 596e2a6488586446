using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Comparison;

/// <summary>
/// Compares two versions of a draft: aligns their provisions by reference and by text similarity (renumbering is
/// followed), gives each aligned pair a word-level redline and, with a model, the change in each label's probability,
/// and lists added, removed and changed provisions with the largest change in risk first.
/// </summary>
public static class DraftComparer
{
    /// <summary>Compares <paramref name="older"/> with <paramref name="newer"/>.</summary>
    /// <param name="older">The earlier version.</param>
    /// <param name="newer">The later version.</param>
    /// <param name="model">The model that scores both versions; null compares the words only.</param>
    /// <param name="options">Scoring options; null for the defaults.</param>
    /// <returns>The comparison, with every provision of both versions in exactly one change.</returns>
    public static DraftComparison Compare(SegmentedDocument older, SegmentedDocument newer, RiskModel? model = null, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var oldScores = model?.Score(older.Provisions, options);
        var newScores = model?.Score(newer.Provisions, options);
        var pairs = ProvisionAligner.Align(older.Provisions, newer.Provisions);
        var changes = new List<(ProvisionChange Change, int Order)>();
        var pairedOld = new HashSet<int>(pairs.Select(p => p.Old));
        var pairedNew = new HashSet<int>(pairs.Select(p => p.New));
        foreach (var (o, n, similarity) in pairs)
        {
            var before = older.Provisions[o];
            var after = newer.Provisions[n];
            var kind = Same(before.Text, after.Text)
                ? before.Ref == after.Ref ? ChangeKind.Unchanged : ChangeKind.Renumbered
                : ChangeKind.Changed;
            changes.Add((new ProvisionChange(kind, before, after, Math.Round(similarity, 4), WordDiff.Compare(before.Text, after.Text),
                oldScores?[o], newScores?[n]), n));
        }

        for (var n = 0; n < newer.Provisions.Count; n++)
        {
            if (!pairedNew.Contains(n))
            {
                var after = newer.Provisions[n];
                changes.Add((new ProvisionChange(ChangeKind.Added, null, after, 0, WordDiff.Compare(null, after.Text), null, newScores?[n]), n));
            }
        }

        for (var o = 0; o < older.Provisions.Count; o++)
        {
            if (!pairedOld.Contains(o))
            {
                var before = older.Provisions[o];
                changes.Add((new ProvisionChange(ChangeKind.Removed, before, null, 0, WordDiff.Compare(before.Text, null), oldScores?[o], null), o));
            }
        }

        var ordered = changes
            .OrderByDescending(c => Math.Round(Math.Abs(c.Change.RiskChange), 6))
            .ThenBy(c => c.Change.Kind)
            .ThenBy(c => c.Order)
            .Select(c => c.Change)
            .ToList();
        return new DraftComparison(older.Name, newer.Name, model?.Labels ?? [], ordered);
    }

    private static bool Same(string a, string b) =>
        string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) == string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
