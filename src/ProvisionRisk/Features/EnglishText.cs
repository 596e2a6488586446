namespace ProvisionRisk.Features;

/// <summary>A cheap test of whether text is English: the share of its words that are common English function words
/// (about a third in legal English, a few percent in French, German or Spanish), and the share of its letters in the
/// Latin script.</summary>
internal static class EnglishText
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "to", "in", "a", "an", "or", "be", "by", "for", "any", "shall", "may", "is", "are", "that",
        "this", "with", "which", "such", "as", "on", "other", "not", "it", "its", "from", "at", "has", "have", "under",
        "where", "who", "whom", "whose", "if", "no", "all", "each", "their", "his", "her", "he", "she", "they", "was",
        "were", "been", "being", "into", "than", "upon", "within", "without", "must", "should", "will", "would", "there",
    };

    public static (double FunctionWords, double Latin) Shares(IEnumerable<string> texts)
    {
        long words = 0, function = 0, letters = 0, latin = 0;
        foreach (var text in texts)
        {
            foreach (var word in WordNgramVectorizer.Words(text))
            {
                words++;
                if (FunctionWords.Contains(word))
                {
                    function++;
                }
            }

            foreach (var c in text)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    if (c < '\u0250')
                    {
                        latin++;
                    }
                }
            }
        }

        return (words == 0 ? 0 : function / (double)words, letters == 0 ? 0 : latin / (double)letters);
    }
}
