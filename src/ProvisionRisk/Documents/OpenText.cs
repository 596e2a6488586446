namespace ProvisionRisk.Documents;

/// <summary>
/// Text a negotiation draft leaves open: bracketed alternatives (<c>[shall][may]</c>), bracketed options
/// (<c>[Option 1 … Option 2 …]</c>) or bracketed words that may be kept or deleted (<c>[and proportionate]</c>).
/// </summary>
/// <param name="Start">The offset of the opening bracket in <see cref="Provision.Text"/>.</param>
/// <param name="End">The offset just past the closing bracket.</param>
/// <param name="Text">The bracketed text as drafted, brackets included.</param>
/// <param name="Alternatives">The readings the negotiators are choosing between, in draft order; an empty string is
/// the reading that deletes the bracketed words.</param>
public sealed record OpenText(int Start, int End, string Text, IReadOnlyList<string> Alternatives)
{
    /// <summary>Returns <paramref name="provisionText"/> with this open text settled on one alternative (the rest of
    /// the provision, including any other open text, is left as drafted).</summary>
    /// <param name="provisionText">The text of the provision this open text was found in.</param>
    /// <param name="alternative">The index of the alternative in <see cref="Alternatives"/>.</param>
    /// <returns>The provision's text with that reading.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> is not an index of <see cref="Alternatives"/>,
    /// or the open text does not lie inside <paramref name="provisionText"/>.</exception>
    public string Choose(string provisionText, int alternative)
    {
        ArgumentNullException.ThrowIfNull(provisionText);
        ArgumentOutOfRangeException.ThrowIfNegative(alternative);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(alternative, Alternatives.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(End, provisionText.Length, nameof(provisionText));
        var before = provisionText[..Start].TrimEnd();
        var after = provisionText[End..].TrimStart();
        var chosen = Alternatives[alternative].Trim();
        var parts = new[] { before, chosen, after }.Where(p => p.Length > 0);
        var joined = string.Join(' ', parts);

        // "…data [, in real time,] and…" settled on deletion should not read "data , and".
        return joined.Replace(" ,", ",", StringComparison.Ordinal).Replace(" ;", ";", StringComparison.Ordinal)
            .Replace(" .", ".", StringComparison.Ordinal);
    }
}
