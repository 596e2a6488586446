using System.Text.RegularExpressions;
using ProvisionRisk.Features;
using ProvisionRisk.Training;

namespace ProvisionRisk.Scoring;

/// <summary>
/// Explains a score by the linear model's contributions (weight × feature value) of the legal cues and word
/// n-grams present in the text, each with where it occurs. Character n-grams also count in the score but are not
/// shown: they do not read as reasons.
/// </summary>
internal sealed class EvidenceBuilder
{
    /// <summary>The evidence feature of a provision's neighbours (read in context): it has no span in the provision.</summary>
    public const string ContextFeature = "context:neighbours";

    private const string WordPrefix = "TextFeatures.Word.";

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "and", "or", "that", "this",
        "these", "those", "it", "its", "is", "are", "be", "been", "was", "were", "which", "who", "such", "there", "their",
    };
    private readonly string?[] names;
    private readonly int cueOffset;

    private readonly IReadOnlyList<string> featureCues;

    public EvidenceBuilder(IReadOnlyList<string> slotNames, IReadOnlyList<string> featureCues)
    {
        this.featureCues = featureCues;
        cueOffset = slotNames.Count - featureCues.Count;
        names = new string?[slotNames.Count];
        for (var i = 0; i < slotNames.Count; i++)
        {
            if (i >= cueOffset)
            {
                names[i] = "cue:" + featureCues[i - cueOffset];
            }
            else if (slotNames[i].StartsWith(WordPrefix, StringComparison.Ordinal))
            {
                var words = slotNames[i][WordPrefix.Length..].Split('|');

                // "the", "to", "of the" weigh in the score but are no reason a reader can act on; words such as
                // "any", "may", "not" and "without" are kept.
                names[i] = words.All(FunctionWords.Contains) ? null : string.Join(' ', words);
            }
        }
    }

    public IReadOnlyList<Evidence> Explain(LinearModel? model, OutputLayer output, FeaturizedRow row, string text, int max,
        IReadOnlyList<string> kinds, float[]? kindProbabilities)
    {
        if (max == 0)
        {
            return [];
        }

        // The output layer's directional cues speak directly to the probability (main effect plus kind interactions).
        var result = new List<Evidence>();
        foreach (var group in output.CueWeights.GroupBy(w => w.Key.Split(OutputLayer.KindSeparator)[0], StringComparer.Ordinal))
        {
            var contribution = group.Sum(w => w.Value * OutputLayer.Input(w.Key, row.Cues, kinds, kindProbabilities));
            if (contribution != 0)
            {
                result.Add(new Evidence("cue:" + group.Key, Math.Round(contribution, 4), LocateCue(group.Key, text)));
            }
        }

        if (model is null)
        {
            return result.OrderByDescending(e => Math.Abs(e.Weight)).Take(max).ToList();
        }

        var values = row.Features.GetValues();
        var dense = row.Features.IsDense;
        var indices = row.Features.GetIndices();
        var contributions = new List<(int Slot, double Weight)>();
        for (var k = 0; k < values.Length; k++)
        {
            var slot = dense ? k : indices[k];
            if (values[k] != 0 && names[slot] is not null)
            {
                var w = values[k] * model.Weights[slot];
                if (w != 0)
                {
                    contributions.Add((slot, w));
                }
            }
        }

        List<(int Start, int End, string Word)>? words = null;
        foreach (var (slot, weight) in contributions.OrderByDescending(c => Math.Abs(c.Weight)).ThenBy(c => c.Slot).Take(max * 2))
        {
            var spans = Locate(slot, text, ref words);
            if (spans.Count > 0)
            {
                result.Add(new Evidence(names[slot]!, Math.Round(weight, 4), spans));
            }
        }

        return result.OrderByDescending(e => Math.Abs(e.Weight)).ThenBy(e => e.Feature, StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>The evidence of a provision read in context, with what its neighbours did to the score: the change in
    /// log-odds from the provision read alone, as <see cref="ContextFeature"/> (when it is at least 0.01).</summary>
    public static IReadOnlyList<Evidence> WithContext(IReadOnlyList<Evidence> evidence, double probability, double probabilityAlone, int max)
    {
        var shift = Logit(probability) - Logit(probabilityAlone);
        if (max == 0 || Math.Abs(shift) < 0.01)
        {
            return evidence;
        }

        return evidence.Append(new Evidence(ContextFeature, Math.Round(shift, 4), []))
            .OrderByDescending(e => Math.Abs(e.Weight)).ThenBy(e => e.Feature, StringComparer.Ordinal).Take(max).ToList();

        static double Logit(double p)
        {
            var q = Math.Clamp(p, 1e-9, 1 - 1e-9);
            return Math.Log(q / (1 - q));
        }
    }

    private static List<TextRange> LocateCue(string cue, string text) =>
        LegalCues.All[LegalCues.IndexOf(cue)].Pattern.Matches(text).Select(m => new TextRange(m.Index, m.Index + m.Length)).ToList();

    /// <summary>Where a feature occurs: a cue's matches, or each run of the n-gram's words as consecutive words of the
    /// text (words as <see cref="WordNgramVectorizer"/> finds them, compared without case).</summary>
    private List<TextRange> Locate(int slot, string text, ref List<(int Start, int End, string Word)>? words)
    {
        if (slot >= cueOffset)
        {
            return LocateCue(featureCues[slot - cueOffset], text);
        }

        words ??= Words(text);
        var gram = names[slot]!.Split(' ');
        var result = new List<TextRange>();
        for (var i = 0; i + gram.Length <= words.Count; i++)
        {
            var k = 0;
            while (k < gram.Length && string.Equals(words[i + k].Word, gram[k], StringComparison.Ordinal))
            {
                k++;
            }

            if (k == gram.Length)
            {
                result.Add(new TextRange(words[i].Start, words[i + gram.Length - 1].End));
            }
        }

        return result;
    }

    private static List<(int Start, int End, string Word)> Words(string text)
    {
        var result = new List<(int, int, string)>();
        var position = 0;
        while (WordNgramVectorizer.NextWord(text, ref position, out var start))
        {
            result.Add((start, position, text[start..position].ToLowerInvariant()));
        }

        return result;
    }
}
