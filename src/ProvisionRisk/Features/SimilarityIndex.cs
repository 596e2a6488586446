namespace ProvisionRisk.Features;

/// <summary>
/// Finds the texts of a collection most similar to a query (cosine of TF-IDF word 1–2-gram vectors) through an
/// inverted index, so a query touches only the texts that share a term with it. Terms found in more than a quarter
/// of the texts carry little meaning and are not indexed. Immutable once built: safe to share across threads.
/// </summary>
internal sealed class SimilarityIndex
{
    private const double CommonTermShare = 0.25;
    private readonly WordNgramVectorizer vectorizer;
    private readonly TermVector[] vectors;
    private readonly Dictionary<int, (int Text, float Weight)[]> postings;

    public SimilarityIndex(IReadOnlyList<string> texts)
        : this(texts, WordNgramVectorizer.Fit(texts))
    {
    }

    public SimilarityIndex(IReadOnlyList<string> texts, WordNgramVectorizer vectorizer)
    {
        this.vectorizer = vectorizer;
        vectors = texts.Select(vectorizer.Transform).ToArray();
        var limit = Math.Max(8, (int)(vectorizer.Count * CommonTermShare));
        var lists = new Dictionary<int, List<(int, float)>>();
        for (var t = 0; t < vectors.Length; t++)
        {
            var v = vectors[t];
            for (var k = 0; k < v.Terms.Length; k++)
            {
                if (vectorizer.DocumentFrequency[v.Terms[k]] > limit)
                {
                    continue;
                }

                if (!lists.TryGetValue(v.Terms[k], out var list))
                {
                    lists[v.Terms[k]] = list = [];
                }

                list.Add((t, v.Weights[k]));
            }
        }

        postings = lists.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public int Count => vectors.Length;

    public WordNgramVectorizer Vectorizer => vectorizer;

    public TermVector Vector(int text) => vectors[text];

    /// <summary>The <paramref name="count"/> most similar texts, most similar first (ties: earlier text first), each with its
    /// cosine similarity computed on the full vectors.</summary>
    public IReadOnlyList<(int Text, double Similarity)> Search(string query, int count) => Search(vectorizer.Transform(query), count);

    public IReadOnlyList<(int Text, double Similarity)> Search(TermVector query, int count)
    {
        if (count <= 0 || query.IsEmpty)
        {
            return [];
        }

        // Rank candidates on the indexed (less common) terms, then compute their exact similarity.
        var partial = new Dictionary<int, double>();
        for (var k = 0; k < query.Terms.Length; k++)
        {
            if (!postings.TryGetValue(query.Terms[k], out var list))
            {
                continue;
            }

            var w = query.Weights[k];
            foreach (var (text, weight) in list)
            {
                partial[text] = partial.TryGetValue(text, out var s) ? s + (w * weight) : w * weight;
            }
        }

        return partial.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(Math.Max(count * 4, 20))
            .Select(p => (Text: p.Key, Similarity: query.Dot(vectors[p.Key])))
            .OrderByDescending(p => p.Similarity).ThenBy(p => p.Text).Take(count).ToList();
    }
}
