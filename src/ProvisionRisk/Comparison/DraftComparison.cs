namespace ProvisionRisk.Comparison;

/// <summary>The comparison of two versions of a draft.</summary>
/// <param name="Old">The earlier version's name.</param>
/// <param name="New">The later version's name.</param>
/// <param name="Labels">The labels scored (empty when no model was given).</param>
/// <param name="Changes">Every aligned, added and removed provision, largest change in risk first (then added, removed,
/// changed, renumbered and unchanged, in document order).</param>
public sealed record DraftComparison(string Old, string New, IReadOnlyList<string> Labels, IReadOnlyList<ProvisionChange> Changes)
{
    /// <summary>Gets how many changes there are of <paramref name="kind"/>.</summary>
    /// <param name="kind">A kind of change.</param>
    /// <returns>The count.</returns>
    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
