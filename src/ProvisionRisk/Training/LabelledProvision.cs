namespace ProvisionRisk.Training;

/// <summary>A provision with its labels, as read from a training CSV file.</summary>
/// <param name="Id">The unique identifier.</param>
/// <param name="Text">The provision's text.</param>
/// <param name="Source">The instrument it comes from (empty if the file has no <c>source</c> column).</param>
/// <param name="Group">The cross-validation group: rows of one group are always in the same fold (defaults to the source).</param>
/// <param name="Ref">The provision's reference, if given.</param>
/// <param name="Kind">The provision's kind, if given.</param>
/// <param name="Values">The raw label values by label name, for example <c>partial</c>.</param>
/// <param name="Flags">The codebook flags, if given.</param>
/// <param name="Rationale">The labeller's rationale, if given.</param>
public sealed record LabelledProvision(
    string Id,
    string Text,
    string Source,
    string Group,
    string? Ref,
    string? Kind,
    IReadOnlyDictionary<string, string> Values,
    string? Flags,
    string? Rationale)
{
    /// <summary>Whether the provision is positive for <paramref name="label"/>: <c>yes</c>, <c>partial</c>, <c>1</c> or <c>true</c>.</summary>
    /// <param name="label">A label name.</param>
    /// <returns>True for a positive value.</returns>
    public bool IsPositive(string label) => LabelValues.IsPositive(Values[label]);
}
