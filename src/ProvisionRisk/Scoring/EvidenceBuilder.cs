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
    private const string WordPrefix = "TextFeatures.Word.";
    private readonly string?[] names;
    private readonly int cueOffset;

    public EvidenceBuilder(IReadOnlyList<string> slotNames)
    {
        cueOffset = slotNames.Count - LegalCues.All.Count;
        names = new string?[slotNames.Count];
        for (var i = 0; i < slotNames.Count; i++)
        {
            if (i >= cueOffset)
            {
                names[i] = "cue:" + LegalCues.All[i - cueOffset].Name;
            }
            else if (slotNames[i].StartsWith(WordPrefix, StringComparison.Ordinal))
            {
                names[i] = slotNames[i][WordPrefix.Length..].Replace('|', ' ');
            }
        }
    }

    public IReadOnlyList<Evidence> Explain(LinearModel model, FeaturizedRow row, string text, int max)
    {
        if (max == 0)
        {
            return [];
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

        var result = new List<Evidence>();
        foreach (var (slot, weight) in contributions.OrderByDescending(c => Math.Abs(c.Weight)).ThenBy(c => c.Slot))
        {
            var spans = Locate(slot, text);
            if (spans.Count == 0)
            {
                continue;
            }

            result.Add(new Evidence(names[slot]!, Math.Round(weight, 4), spans));
            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }

    private List<TextRange> Locate(int slot, string text)
    {
        if (slot >= cueOffset)
        {
            var cue = LegalCues.All[slot - cueOffset];
            return cue.Pattern.Matches(text).Select(m => new TextRange(m.Index, m.Index + m.Length)).ToList();
        }

        var words = names[slot]!.Split(' ');
        var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"[^\p{L}\p{N}]+", words.Select(Regex.Escape)) + @"(?![\p{L}\p{N}])";
        return Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            .Select(m => new TextRange(m.Index, m.Index + m.Length)).ToList();
    }
}
