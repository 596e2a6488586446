using ProvisionRisk.Documents;
using ProvisionRisk.Features;

namespace ProvisionRisk.Comparison;

/// <summary>
/// Aligns the provisions of two versions of a draft. Provisions whose words are nearly the same and found once in
/// each version anchor the alignment and tell which article became which (so renumbering is followed); then pairs
/// are taken greedily by text similarity, favouring pairs in articles that correspond and with the same reference.
/// A provision left without a partner was added or removed.
/// </summary>
internal static class ProvisionAligner
{
    private const int Candidates = 12;
    private const double AnchorSimilarity = 0.8;
    private const double MinSimilarity = 0.35;
    private const double MinSimilarityInPlace = 0.15;
    private const double ArticleBonus = 0.2;
    private const double ReferenceBonus = 0.1;

    /// <summary>The aligned pairs (old index, new index, similarity), in no particular order.</summary>
    public static List<(int Old, int New, double Similarity)> Align(IReadOnlyList<Provision> older, IReadOnlyList<Provision> newer)
    {
        var oldTexts = older.Select(p => p.Text).ToList();
        var vectorizer = WordNgramVectorizer.Fit(oldTexts.Concat(newer.Select(p => p.Text)));
        var index = new SimilarityIndex(oldTexts, vectorizer);
        var newVectors = newer.Select(p => vectorizer.Transform(p.Text)).ToList();
        var oldByRef = older.Select((p, i) => (p.Ref, i)).GroupBy(x => x.Ref, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);

        var candidates = new List<(int Old, int New, double Similarity)>();
        for (var j = 0; j < newer.Count; j++)
        {
            var hits = index.Search(newVectors[j], Candidates).ToList();
            if (oldByRef.TryGetValue(newer[j].Ref, out var same) && hits.All(h => h.Text != same))
            {
                hits.Add((same, newVectors[j].Dot(index.Vector(same))));
            }

            candidates.AddRange(hits.Select(h => (h.Text, j, h.Similarity)));
        }

        var articles = ArticleMap(older, newer, candidates);
        var pairs = new List<(int, int, double)>();
        var usedOld = new HashSet<int>();
        var usedNew = new HashSet<int>();
        var ranked = candidates
            .Select(c =>
            {
                var o = older[c.Old];
                var n = newer[c.New];
                var inArticle = articles.TryGetValue(Top(o.Ref), out var t) && t == Top(n.Ref);
                var samePlace = inArticle && Rest(o.Ref) == Rest(n.Ref);
                var sameRef = o.Ref == n.Ref;
                var score = c.Similarity + (inArticle ? ArticleBonus : 0) + (sameRef ? ReferenceBonus : 0) + (samePlace ? ReferenceBonus / 2 : 0);
                var acceptable = c.Similarity >= MinSimilarity || ((sameRef || samePlace) && c.Similarity >= MinSimilarityInPlace);
                return (c.Old, c.New, c.Similarity, Score: score, Acceptable: acceptable);
            })
            .Where(c => c.Acceptable)
            .OrderByDescending(c => c.Score).ThenBy(c => c.New).ThenBy(c => c.Old);
        foreach (var c in ranked)
        {
            if (usedOld.Contains(c.Old) || usedNew.Contains(c.New))
            {
                continue;
            }

            usedOld.Add(c.Old);
            usedNew.Add(c.New);
            pairs.Add((c.Old, c.New, c.Similarity));
        }

        return pairs;
    }

    /// <summary>Which article or section of the old version became which in the new one, by the majority of anchor pairs:
    /// near-identical texts that occur once in each version.</summary>
    private static Dictionary<string, string> ArticleMap(IReadOnlyList<Provision> older, IReadOnlyList<Provision> newer,
        List<(int Old, int New, double Similarity)> candidates)
    {
        var strong = candidates.Where(c => c.Similarity >= AnchorSimilarity).ToList();
        var perOld = strong.GroupBy(c => c.Old).Where(g => g.Count() == 1).Select(g => g.First());
        var anchors = perOld.Where(c => strong.Count(s => s.New == c.New) == 1).ToList();
        return anchors
            .GroupBy(c => Top(older[c.Old].Ref), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(c => Top(newer[c.New].Ref), StringComparer.Ordinal).OrderByDescending(x => x.Count()).First().Key,
                StringComparer.Ordinal);
    }

    private static string Top(string reference) => CrossReferenceFinder.TopOf(reference);

    private static string Rest(string reference) => reference[Top(reference).Length..];
}
