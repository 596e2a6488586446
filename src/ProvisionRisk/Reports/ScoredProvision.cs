using ProvisionRisk.Scoring;

namespace ProvisionRisk.Reports;

/// <summary>A scored provision as it appears in a report: its identifier and document, and its scores.</summary>
/// <param name="Id">The identifier (from the input table, or <c>document:ref</c> for a segmented document).</param>
/// <param name="Document">The document or table it came from.</param>
/// <param name="Score">The scores; <see cref="ProvisionScore.Provision"/> gives the reference and position when known.</param>
public sealed record ScoredProvision(string Id, string Document, ProvisionScore Score);
