using System.Text.RegularExpressions;

namespace ProvisionRisk.Features;

/// <summary>
/// TF-IDF vectors of word 1–2-grams (lower-cased, sub-linear term frequency, smoothed inverse document frequency,
/// L2-normalised), fitted on a collection of texts. Used to compare provisions with each other: precedents, draft
/// alignment and distance from the training data. Immutable once fitted, so safe to share across threads.
/// </summary>
internal sealed partial class WordNgramVectorizer
{
    private readonly Dictionary<string, int> vocabulary;
    private readonly float[] idf;

    private WordNgramVectorizer(Dictionary<string, int> vocabulary, float[] idf)
    {
        this.vocabulary = vocabulary;
        this.idf = idf;
    }

    /// <summary>Gets the number of texts each term occurs in, by term id.</summary>
    public int[] DocumentFrequency { get; private init; } = [];

    public int Count { get; private init; }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static WordNgramVectorizer Fit(IEnumerable<string> texts)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        var n = 0;
        foreach (var text in texts)
        {
            n++;
            foreach (var term in Terms(text).Distinct(StringComparer.Ordinal))
            {
                if (!vocabulary.TryGetValue(term, out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[term] = id;
                    df.Add(0);
                }

                df[id]++;
            }
        }

        var idf = df.Select(d => (float)(Math.Log((n + 1.0) / (d + 1.0)) + 1)).ToArray();
        return new WordNgramVectorizer(vocabulary, idf) { DocumentFrequency = df.ToArray(), Count = n };
    }

    /// <summary>The text's vector over the fitted vocabulary (terms not seen in fitting are left out).</summary>
    public TermVector Transform(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var term in Terms(text))
        {
            if (vocabulary.TryGetValue(term, out var id))
            {
                counts[id] = counts.TryGetValue(id, out var c) ? c + 1 : 1;
            }
        }

        if (counts.Count == 0)
        {
            return TermVector.Empty;
        }

        var terms = counts.Keys.Order().ToArray();
        var weights = terms.Select(t => (float)((1 + Math.Log(counts[t])) * idf[t])).ToArray();
        var norm = Math.Sqrt(weights.Sum(w => (double)w * w));
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(weights[i] / norm);
        }

        return new TermVector(terms, weights);
    }

    /// <summary>The words of a text, lower-cased.</summary>
    public static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant());

    private static IEnumerable<string> Terms(string text)
    {
        string? previous = null;
        foreach (var word in Words(text))
        {
            yield return word;
            if (previous is not null)
            {
                yield return previous + " " + word;
            }

            previous = word;
        }
    }
}
