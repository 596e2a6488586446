namespace ProvisionRisk.Training;

/// <summary>Deterministic group k-fold assignment: whole groups (instruments) go to one fold, largest first, each
/// to the fold with the fewest rows so far.</summary>
internal static class GroupFolds
{
    public static int[] Assign(IReadOnlyList<string> groups, int folds)
    {
        var sizes = groups.GroupBy(g => g, StringComparer.Ordinal)
            .Select(g => (Group: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
        folds = Math.Max(1, Math.Min(folds, sizes.Count));
        var load = new int[folds];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (group, count) in sizes)
        {
            var target = Array.IndexOf(load, load.Min());
            foldOf[group] = target;
            load[target] += count;
        }

        return groups.Select(g => foldOf[g]).ToArray();
    }
}
