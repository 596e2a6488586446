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

    // Postings of term t: texts[starts[t]..starts[t + 1]] with their weights (empty for common terms).
    private readonly int[] starts;
    private readonly int[] texts;
    private readonly float[] weights;

    public SimilarityIndex(IReadOnlyList<string> texts)
        : this(WordNgramVectorizer.FitTransform(texts))
    {
    }

    public SimilarityIndex(IReadOnlyList<string> texts, WordNgramVectorizer vectorizer)
        : this((vectorizer, texts.Select(vectorizer.Transform).ToArray()))
    {
    }

    private SimilarityIndex((WordNgramVectorizer Vectorizer, TermVector[] Vectors) fitted)
    {
        vectorizer = fitted.Vectorizer;
        vectors = fitted.Vectors;
        var limit = Math.Max(8, (int)(vectorizer.Count * CommonTermShare));
        var termCount = vectorizer.DocumentFrequency.Length;

        // Two passes: count each indexed term's postings, then fill them in text order.
        starts = new int[termCount + 1];
        foreach (var v in vectors)
        {
            foreach (var term in v.Terms)
            {
                if (vectorizer.DocumentFrequency[term] <= limit)
                {
                    starts[term + 1]++;
                }
            }
        }

        for (var t = 0; t < termCount; t++)
        {
            starts[t + 1] += starts[t];
        }

        texts = new int[starts[termCount]];
        weights = new float[starts[termCount]];
        var next = starts[..termCount];
        for (var text = 0; text < vectors.Length; text++)
        {
            var v = vectors[text];
            for (var k = 0; k < v.Terms.Length; k++)
            {
                var term = v.Terms[k];
                if (vectorizer.DocumentFrequency[term] <= limit)
                {
                    texts[next[term]] = text;
                    weights[next[term]++] = v.Weights[k];
                }
            }
        }
    }

    public int Count => vectors.Length;

    public WordNgramVectorizer Vectorizer => vectorizer;

    public TermVector Vector(int text) => vectors[text];

    public IReadOnlyList<(int Text, double Similarity)> Search(string query, int count) => Search(vectorizer.Transform(query), count);

    /// <summary>The <paramref name="count"/> most similar texts, most similar first (ties: earlier text first), each with its
    /// cosine similarity computed on the full vectors.</summary>
    public IReadOnlyList<(int Text, double Similarity)> Search(TermVector query, int count)
    {
        if (count <= 0 || query.IsEmpty)
        {
            return [];
        }

        // Rank candidates on the indexed (less common) terms, then compute their exact similarity.
        var partial = new double[vectors.Length];
        var touched = new List<int>();
        for (var k = 0; k < query.Terms.Length; k++)
        {
            var term = query.Terms[k];
            var w = query.Weights[k];
            for (var p = starts[term]; p < starts[term + 1]; p++)
            {
                var text = texts[p];
                if (partial[text] == 0)
                {
                    touched.Add(text);
                }

                partial[text] += w * weights[p];
            }
        }

        // The best candidates by partial score (ties: lower text first), without sorting them all.
        var keep = Math.Max(count * 4, 20);
        var best = new PriorityQueue<int, (double Score, int Text)>(keep + 1, Comparer<(double Score, int Text)>.Create((a, b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Text.CompareTo(a.Text)));
        foreach (var text in touched)
        {
            best.Enqueue(text, (partial[text], text));
            if (best.Count > keep)
            {
                best.Dequeue();
            }
        }

        var candidates = new List<(int Text, double Similarity)>(best.Count);
        while (best.TryDequeue(out var text, out _))
        {
            candidates.Add((text, query.Dot(vectors[text])));
        }

        return candidates.OrderByDescending(p => p.Similarity).ThenBy(p => p.Text).Take(count).ToList();
    }
}
