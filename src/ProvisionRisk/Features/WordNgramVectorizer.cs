using System.Buffers;

namespace ProvisionRisk.Features;

/// <summary>
/// TF-IDF vectors of word 1–2-grams (words are runs of letters and digits, lower-cased; sub-linear term frequency,
/// smoothed inverse document frequency, L2-normalised), fitted on a collection of texts. Used to compare provisions
/// with each other: precedents, draft alignment and distance from the training data. Immutable once fitted, so safe
/// to share across threads.
/// </summary>
internal sealed class WordNgramVectorizer
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly float[] idf;

    private WordNgramVectorizer(Dictionary<string, int> vocabulary, int[] documentFrequency, int count)
    {
        lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        DocumentFrequency = documentFrequency;
        Count = count;
        idf = documentFrequency.Select(d => (float)(Math.Log((count + 1.0) / (d + 1.0)) + 1)).ToArray();
    }

    /// <summary>Gets the number of texts each term occurs in, by term id.</summary>
    public int[] DocumentFrequency { get; }

    /// <summary>Gets the number of texts fitted on.</summary>
    public int Count { get; }

    public static WordNgramVectorizer Fit(IEnumerable<string> texts) => FitTransform(texts).Vectorizer;

    /// <summary>Fits on <paramref name="texts"/> and returns their vectors too, reading each text once.</summary>
    public static (WordNgramVectorizer Vectorizer, TermVector[] Vectors) FitTransform(IEnumerable<string> texts)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var add = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var df = new List<int>();
        var termLists = new List<int[]>();
        var ids = new List<int>();
        foreach (var text in texts)
        {
            ids.Clear();
            ForEachTerm(text, term =>
            {
                if (!add.TryGetValue(term, out var id))
                {
                    id = vocabulary.Count;
                    add[term] = id;
                    df.Add(0);
                }

                ids.Add(id);
            });
            var terms = ids.ToArray();
            Array.Sort(terms);
            for (var k = 0; k < terms.Length; k++)
            {
                if (k == 0 || terms[k] != terms[k - 1])
                {
                    df[terms[k]]++;
                }
            }

            termLists.Add(terms);
        }

        var vectorizer = new WordNgramVectorizer(vocabulary, [.. df], termLists.Count);
        return (vectorizer, termLists.Select(vectorizer.Weigh).ToArray());
    }

    /// <summary>The text's vector over the fitted vocabulary (terms not seen in fitting are left out).</summary>
    public TermVector Transform(string text)
    {
        var ids = new List<int>();
        var vocabulary = lookup;
        ForEachTerm(text, term =>
        {
            if (vocabulary.TryGetValue(term, out var id))
            {
                ids.Add(id);
            }
        });
        var terms = ids.ToArray();
        Array.Sort(terms);
        return Weigh(terms);
    }

    /// <summary>The words of a text, lower-cased.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var words = new List<string>();
        ForEachWord(text, (buffer, start, end) => words.Add(new string(buffer[start..end])));
        return words;
    }

    /// <summary>The vector of a text's term ids, sorted, each repeated as often as the term occurs.</summary>
    private TermVector Weigh(int[] sortedTerms)
    {
        if (sortedTerms.Length == 0)
        {
            return TermVector.Empty;
        }

        var terms = new List<int>();
        var weights = new List<float>();
        double norm = 0;
        for (var k = 0; k < sortedTerms.Length;)
        {
            var end = k + 1;
            while (end < sortedTerms.Length && sortedTerms[end] == sortedTerms[k])
            {
                end++;
            }

            var w = (float)((1 + Math.Log(end - k)) * idf[sortedTerms[k]]);
            terms.Add(sortedTerms[k]);
            weights.Add(w);
            norm += (double)w * w;
            k = end;
        }

        norm = Math.Sqrt(norm);
        var result = weights.Select(w => (float)(w / norm)).ToArray();
        return new TermVector([.. terms], result);
    }

    private delegate void TermAction(ReadOnlySpan<char> term);

    private delegate void WordAction(Span<char> buffer, int start, int end);

    /// <summary>Calls <paramref name="action"/> with every word and every pair of adjacent words ("a b").</summary>
    private static void ForEachTerm(string text, TermAction action)
    {
        var previous = -1;
        ForEachWord(text, (buffer, start, end) =>
        {
            action(buffer[start..end]);
            if (previous >= 0)
            {
                action(buffer[previous..end]);
            }

            previous = start;
        });
    }

    /// <summary>Finds the words (runs of letters and digits) of a text, lower-cased into a buffer in which each word
    /// follows the previous one after a single space, so that a word pair is one span.</summary>
    private static void ForEachWord(string text, WordAction action)
    {
        var rented = ArrayPool<char>.Shared.Rent(text.Length + 1);
        try
        {
            var buffer = rented.AsSpan();
            var n = 0;
            var position = 0;
            while (NextWord(text, ref position, out var wordStart))
            {
                if (n > 0)
                {
                    buffer[n++] = ' ';
                }

                var start = n;
                for (var i = wordStart; i < position; i++)
                {
                    buffer[n++] = char.ToLowerInvariant(text[i]);
                }

                action(buffer, start, n);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Finds the next word (a run of letters and digits) at or after <paramref name="position"/>: its start,
    /// with <paramref name="position"/> moved just past its end.</summary>
    /// <returns>False when the text has no more words.</returns>
    internal static bool NextWord(string text, ref int position, out int start)
    {
        while (position < text.Length && !IsWordChar(text[position]))
        {
            position++;
        }

        start = position;
        while (position < text.Length && IsWordChar(text[position]))
        {
            position++;
        }

        return position > start;
    }

    /// <summary>Whether a character belongs to a word: a letter or a number.</summary>
    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);
}
