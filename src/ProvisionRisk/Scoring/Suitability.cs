namespace ProvisionRisk.Scoring;

/// <summary>Whether a model's scores are likely to mean something for a set of texts: they should be English and
/// resemble the provisions the model was trained on.</summary>
/// <param name="Texts">The number of texts examined (a sample of a long document).</param>
/// <param name="EnglishShare">The share of words that are common English function words (about 0.3 for legal English).</param>
/// <param name="MedianSimilarity">The median similarity of a text to its nearest labelled training provision.</param>
/// <param name="Warnings">One sentence per problem found; empty when the scores can be read as usual.</param>
public sealed record Suitability(int Texts, double EnglishShare, double MedianSimilarity, IReadOnlyList<string> Warnings)
{
    /// <summary>Gets a value indicating whether no problem was found.</summary>
    public bool IsSuitable => Warnings.Count == 0;
}
