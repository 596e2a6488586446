using System.Globalization;
using ProvisionRisk.Features;

namespace ProvisionRisk.Scoring;

/// <summary>Checks that texts are English and not far from the training data, on an even sample of at most
/// <see cref="SampleSize"/> texts (so a long document costs no more than a short one).</summary>
internal static class SuitabilityCheck
{
    public const int SampleSize = 200;
    private const double MinEnglishShare = 0.12;
    private const double MinLatinShare = 0.8;
    private const double MinMedianSimilarity = 0.2;

    public static Suitability Check(RiskModel model, IReadOnlyList<string> texts)
    {
        var step = Math.Max(1, texts.Count / SampleSize);
        var sample = texts.Where((_, i) => i % step == 0).Take(SampleSize).ToList();
        var (english, latin) = EnglishText.Shares(sample);
        var similarities = sample.Select(model.Precedents.NearestSimilarity).Order().ToList();
        var median = similarities.Count == 0 ? 0 : similarities[similarities.Count / 2];
        var warnings = new List<string>();
        if (sample.Count > 0 && (english < MinEnglishShare || latin < MinLatinShare))
        {
            warnings.Add("the text does not look like English; the model reads English only, so its scores may not be meaningful");
        }
        else if (sample.Count > 0 && model.Precedents.Count > 0 && median < MinMedianSimilarity)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the text is far from anything in the training data (median similarity to the nearest labelled provision {median:0.00}); scores may not be meaningful"));
        }

        return new Suitability(sample.Count, Math.Round(english, 4), Math.Round(median, 4), warnings);
    }
}
