using ProvisionRisk.Scoring;

namespace ProvisionRisk.Reports;

/// <summary>A scored provision as it appears in a report: its identifier and document, and its scores.</summary>
/// <param name="Id">The identifier (from the input table, or <c>document:ref</c> for a segmented document).</param>
/// <param name="Document">The document or table it came from.</param>
/// <param name="Score">The scores; <see cref="ProvisionScore.Provision"/> gives the reference and position when known.</param>
public sealed record ScoredProvision(string Id, string Document, ProvisionScore Score)
{
    /// <summary>Gets how the provision is named in reports: its document and reference, or its id.</summary>
    public string Name => Score.Provision is { } p && p.Ref != Id ? p.Document + " " + p.Ref : Id;

    /// <summary>Gets where the provision is in its document: page (when known) and line.</summary>
    public string Where => Score.Provision is not { } p ? string.Empty
        : p.Page is { } page ? FormattableString.Invariant($"page {page}, line {p.Line}") : FormattableString.Invariant($"line {p.Line}");

    /// <summary>The risk a report ranks by: the probability of <paramref name="label"/>, or the highest over all labels.</summary>
    /// <param name="label">A label, or null.</param>
    /// <returns>A probability.</returns>
    public double Risk(string? label) => label is null ? Score.MaxProbability : Score[label];
}
