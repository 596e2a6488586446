using ProvisionRisk.Features;
using ProvisionRisk.Training;

namespace ProvisionRisk.Precedents;

/// <summary>
/// Finds the labelled provisions of the training data nearest to a text (cosine similarity of word 1–2-gram TF-IDF
/// vectors, through an inverted index) and suggests the codebook flags they share. Built once from a
/// <see cref="LabelledDataset"/>; immutable and safe to share across threads. <see cref="Scoring.RiskModel.Precedents"/>
/// builds one lazily from the model's training data.
/// </summary>
public sealed class PrecedentIndex
{
    private const double MinFlagSimilarity = 0.2;
    private const double MinFlagSupport = 0.3;
    private readonly LabelledDataset data;
    private readonly SimilarityIndex index;

    /// <summary>Initializes a new instance of the <see cref="PrecedentIndex"/> class.</summary>
    /// <param name="data">The labelled provisions to search.</param>
    public PrecedentIndex(LabelledDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        this.data = data;
        index = new SimilarityIndex(data.Rows.Select(r => r.Text).ToList());
        FlagLabels = LearnFlagLabels(data);
    }

    /// <summary>Gets the number of labelled provisions searched.</summary>
    public int Count => data.Rows.Count;

    /// <summary>Gets the label each codebook flag explains, learned from the training data (a flag belongs to the label
    /// its rows are nearly always positive for, as the codebook's A flags are to overbreadth).</summary>
    public IReadOnlyDictionary<string, string> FlagLabels { get; }

    /// <summary>Finds the labelled provisions most similar to <paramref name="text"/>.</summary>
    /// <param name="text">The text of a provision.</param>
    /// <param name="count">How many precedents to return at most.</param>
    /// <returns>The precedents, most similar first (only those sharing at least one meaningful word).</returns>
    public IReadOnlyList<Precedent> Find(string text, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return index.Search(text, count).Where(h => h.Similarity > 0).Select(h => new Precedent(data.Rows[h.Text], Math.Round(h.Similarity, 4))).ToList();
    }

    /// <summary>Gets the similarity of <paramref name="text"/> to its nearest labelled provision (0 when none shares a word).</summary>
    /// <param name="text">The text.</param>
    /// <returns>A cosine similarity from 0 to 1.</returns>
    public double NearestSimilarity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var best = index.Search(text, 1);
        return best.Count == 0 ? 0 : best[0].Similarity;
    }

    /// <summary>Suggests the codebook flags that apply to a provision flagged for some labels: for each such label, the
    /// flags carried by its precedents that are positive for that label, weighted by similarity.</summary>
    /// <param name="flaggedLabels">The labels the provision is flagged for.</param>
    /// <param name="precedents">The provision's nearest precedents.</param>
    /// <returns>The suggested flags, label by label, best supported first.</returns>
    public IReadOnlyList<FlagSuggestion> SuggestFlags(IEnumerable<string> flaggedLabels, IReadOnlyList<Precedent> precedents)
    {
        ArgumentNullException.ThrowIfNull(flaggedLabels);
        ArgumentNullException.ThrowIfNull(precedents);
        var result = new List<FlagSuggestion>();
        foreach (var label in flaggedLabels.Where(data.Labels.Contains))
        {
            var positive = precedents.Where(p => p.Similarity >= MinFlagSimilarity && p.Provision.IsPositive(label)).ToList();
            var total = positive.Sum(p => p.Similarity);
            if (total <= 0)
            {
                continue;
            }

            var flags = positive
                .SelectMany(p => Flags(p.Provision).Where(f => FlagLabels.TryGetValue(f, out var l) && l == label).Select(f => (Flag: f, Precedent: p)))
                .GroupBy(x => x.Flag, StringComparer.Ordinal)
                .Select(g => new FlagSuggestion(g.Key, label, Math.Round(g.Sum(x => x.Precedent.Similarity) / total, 4),
                    g.Select(x => x.Precedent.Provision.Id).ToList()))
                .Where(f => f.Support >= MinFlagSupport)
                .OrderByDescending(f => f.Support).ThenBy(f => f.Flag, StringComparer.Ordinal);
            result.AddRange(flags);
        }

        return result;
    }

    internal SimilarityIndex Similarity => index;

    private static IEnumerable<string> Flags(LabelledProvision p) =>
        (p.Flags ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Dictionary<string, string> LearnFlagLabels(LabelledDataset data)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in data.Rows.SelectMany(r => Flags(r).Select(f => (Flag: f, Row: r))).GroupBy(x => x.Flag, StringComparer.Ordinal))
        {
            var rows = group.Select(x => x.Row).ToList();
            var best = data.Labels.Select(l => (Label: l, Share: rows.Count(r => r.IsPositive(l)) / (double)rows.Count))
                .OrderByDescending(x => x.Share).First();
            if (best.Share >= 0.8)
            {
                result[group.Key] = best.Label;
            }
        }

        return result;
    }
}
