namespace ProvisionRisk.Precedents;

/// <summary>A codebook flag that likely applies to a scored provision: its nearest labelled precedents that share the
/// flagged label carry it.</summary>
/// <param name="Flag">The flag as the training data writes it, for example <c>B1 no-independent-authorisation</c>.</param>
/// <param name="Label">The label the flag explains (learned from the training data: the label its rows are positive for).</param>
/// <param name="Support">The share of the similarity of the positive precedents that carry the flag, from 0 to 1.</param>
/// <param name="Precedents">The ids of the precedents that carry it, nearest first.</param>
public sealed record FlagSuggestion(string Flag, string Label, double Support, IReadOnlyList<string> Precedents);
