using Microsoft.ML;
using Microsoft.ML.Data;
using ProvisionRisk.Features;
using ProvisionRisk.Training;
using Xunit;

namespace ProvisionRisk.Tests.Training;

/// <summary>The featurizer and the models that score without ML.NET: what they compute, that they save and load
/// exactly, and that the copied trees and kind weights predict what ML.NET's own pipelines predict.</summary>
public sealed class ModelPartsTests
{
    private static readonly string[] NoCues = [];

    [Theory]
    [InlineData("Article 5(1): Café, the “owner’s” data.", "article 51 cafe the owners data")]
    [InlineData("  Whoever\tintentionally\r\n  accesses —  a system ", "whoever intentionally accesses a system")]
    [InlineData("...", "")]
    [InlineData("ÉTAT-PARTIE", "etatpartie")]
    public void Normalizes_case_punctuation_diacritics_and_white_space(string text, string expected) =>
        Assert.Equal(expected, TextFeaturizer.Normalize(text));

    [Fact]
    public void Counts_word_unigrams_and_bigrams_and_character_four_grams_each_block_of_unit_length()
    {
        var featurizer = TextFeaturizer.Fit(["the owner holds records", "the records"], NoCues, new FeaturizerSettings(4, 4, Idf: false));
        var names = featurizer.SlotNames;
        var row = featurizer.Transform("The owner, the owner!");
        var values = row.Features.GetValues().ToArray();
        var slots = row.Features.GetIndices().ToArray().Select(i => names[i]).ToList();

        Assert.Contains("TextFeatures.Word.the", slots);
        Assert.Contains("TextFeatures.Word.the|owner", slots);
        Assert.DoesNotContain("TextFeatures.Word.owner|the", slots); // never seen in fitting
        var wordCount = values.Where((_, k) => slots[k].StartsWith(TextFeaturizer.WordSlotPrefix, StringComparison.Ordinal)).ToList();
        var charCount = values.Where((_, k) => slots[k].StartsWith(TextFeaturizer.CharSlotPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(1, Math.Sqrt(wordCount.Sum(v => (double)v * v)), 5);
        Assert.Equal(1, Math.Sqrt(charCount.Sum(v => (double)v * v)), 5);

        // "the" and "owner" occur twice, "the owner" twice: equal weights.
        var any = values[slots.IndexOf("TextFeatures.Word.the")];
        Assert.Equal(any, values[slots.IndexOf("TextFeatures.Word.the|owner")], 6);
        Assert.True(row.Features.GetIndices().ToArray().SequenceEqual(row.Features.GetIndices().ToArray().Order()));
    }

    [Fact]
    public void Unknown_text_gives_only_cue_features()
    {
        var featurizer = TextFeaturizer.Fit(["any person may access"], ["penalty"]);
        var row = featurizer.Transform("liable on conviction to imprisonment zzzz");
        var names = row.Features.GetIndices().ToArray().Select(i => featurizer.SlotNames[i]).ToList();
        Assert.Equal(["penalty"], names.Where(n => !n.StartsWith("TextFeatures.Char.", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_saved_featurizer_loads_to_the_same_vectors()
    {
        var texts = TinyModel.Data.Rows.Take(300).Select(r => r.Text).ToList();
        var featurizer = TextFeaturizer.Fit(texts, ["penalty", "definition"]);
        using var stream = new MemoryStream();
        featurizer.Save(stream);
        stream.Position = 0;
        var loaded = TextFeaturizer.Load(stream, ["penalty", "definition"]);

        Assert.Equal(featurizer.FeatureCount, loaded.FeatureCount);
        Assert.Equal(featurizer.SlotNames, loaded.SlotNames);
        foreach (var text in texts.Take(50).Append("Ünïcode — and nothing known"))
        {
            var a = featurizer.Transform(text).Features;
            var b = loaded.Transform(text).Features;
            Assert.Equal(a.GetIndices().ToArray(), b.GetIndices().ToArray());
            Assert.Equal(a.GetValues().ToArray(), b.GetValues().ToArray());
        }
    }

    [Fact]
    public void Keeps_directional_cue_words_in_the_ngrams_unless_the_settings_mask_them()
    {
        string[] texts = ["a person who intentionally and without right copies data", "a person who copies data"];
        var kept = TextFeaturizer.Fit(texts, ["penalty"]);
        var masked = TextFeaturizer.Fit(texts, ["penalty"], FeaturizerSettings.Default with { MaskDirectionalCues = true });

        Assert.False(FeaturizerSettings.Default.MaskDirectionalCues);
        Assert.Contains("TextFeatures.Word.intentionally", kept.SlotNames);
        Assert.NotEqual(NgramSlots(kept, texts[0]), NgramSlots(kept, texts[1]));

        // Masked, "who intentionally and without right copies" reads as "who copies": the n-grams do not change.
        Assert.DoesNotContain("TextFeatures.Word.intentionally", masked.SlotNames);
        Assert.Equal(NgramSlots(masked, texts[1]), NgramSlots(masked, texts[0]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_saved_featurizer_keeps_its_masking_of_directional_cues(bool mask)
    {
        var texts = TinyModel.Data.Rows.Take(200).Select(r => r.Text).ToList();
        var featurizer = TextFeaturizer.Fit(texts, ["penalty"], FeaturizerSettings.Default with { MaskDirectionalCues = mask });
        using var stream = new MemoryStream();
        featurizer.Save(stream);
        stream.Position = 0;
        var loaded = TextFeaturizer.Load(stream, ["penalty"]);

        Assert.Equal(mask, loaded.Settings.MaskDirectionalCues);
        var text = "The officer may, with a warrant issued by a judge, intentionally search any computer.";
        Assert.Equal(featurizer.Transform(text).Features.GetIndices().ToArray(), loaded.Transform(text).Features.GetIndices().ToArray());
    }

    [Fact]
    public void A_featurizer_of_the_previous_format_loads_with_directional_cues_masked()
    {
        var texts = TinyModel.Data.Rows.Take(200).Select(r => r.Text).ToList();
        var masked = TextFeaturizer.Fit(texts, ["penalty"], FeaturizerSettings.Default with { MaskDirectionalCues = true });
        using var stream = new MemoryStream();
        masked.Save(stream);

        // Format 2 is format 3 without the masking flag (the byte after the IDF flag), and always masked.
        var bytes = stream.ToArray().ToList();
        Assert.Equal(3, BitConverter.ToInt32(bytes.ToArray(), 4));
        bytes.RemoveAt(17);
        var previous = bytes.ToArray();
        BitConverter.GetBytes(2).CopyTo(previous, 4);
        var loaded = TextFeaturizer.Load(new MemoryStream(previous), ["penalty"]);

        Assert.True(loaded.Settings.MaskDirectionalCues);
        Assert.Equal(masked.SlotNames, loaded.SlotNames);
        var text = "A person who intentionally and without right copies data.";
        Assert.Equal(masked.Transform(text).Features.GetValues().ToArray(), loaded.Transform(text).Features.GetValues().ToArray());
    }

    private static int[] NgramSlots(TextFeaturizer featurizer, string text) =>
        featurizer.Transform(text).Features.GetIndices().ToArray().Where(i => !featurizer.SlotNames[i].StartsWith("penalty", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Packed_and_string_lookups_of_character_ngrams_give_the_same_vectors()
    {
        var texts = TinyModel.Data.Rows.Select(r => r.Text).ToList();
        foreach (var settings in new[] { new FeaturizerSettings(4, 4, true), new FeaturizerSettings(2, 4, false) })
        {
            var packed = TextFeaturizer.Fit(texts.Take(400), ["penalty"], settings);
            Assert.True(packed.PacksCharGrams);
            var strings = packed.WithStringLookup();
            Assert.False(strings.PacksCharGrams);
            foreach (var text in texts.Skip(400).Take(200).Append("Ünïcode\u0000 — x").Append(""))
            {
                var a = packed.Transform(text).Features;
                var b = strings.Transform(text).Features;
                Assert.Equal(b.GetIndices().ToArray(), a.GetIndices().ToArray());
                Assert.Equal(b.GetValues().ToArray(), a.GetValues().ToArray());
            }
        }

        Assert.False(TextFeaturizer.Fit(texts.Take(50), ["penalty"], new FeaturizerSettings(3, 5, true)).PacksCharGrams);
    }

    [Fact]
    public void Weights_by_idf_and_sublinear_counts_when_asked()
    {
        // "owner" is in both fitted texts, "holds" in one: with IDF weighting "holds" outweighs "owner".
        var featurizer = TextFeaturizer.Fit(["the owner holds records", "the owner"], NoCues, new FeaturizerSettings(4, 4, true));
        var row = featurizer.Transform("owner holds");
        var names = row.Features.GetIndices().ToArray().Select(i => featurizer.SlotNames[i]).ToList();
        var values = row.Features.GetValues().ToArray();
        Assert.True(values[names.IndexOf("TextFeatures.Word.holds")] > values[names.IndexOf("TextFeatures.Word.owner")]);
        var counts = TextFeaturizer.Fit(["the owner holds records", "the owner"], NoCues, new FeaturizerSettings(4, 4, false)).Transform("owner holds");
        Assert.Equal(counts.Features.GetValues()[^1], counts.Features.GetValues()[^2], 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(40)]
    public void A_damaged_featurizer_is_refused(int keep)
    {
        var featurizer = TextFeaturizer.Fit(["any person may access"], NoCues);
        using var stream = new MemoryStream();
        featurizer.Save(stream);
        var bytes = stream.ToArray()[..Math.Min(keep, (int)stream.Length - 1)];
        Assert.Throws<InvalidDataException>(() => TextFeaturizer.Load(new MemoryStream(bytes), NoCues));
    }

    [Fact]
    public void Copied_trees_score_exactly_as_the_ml_net_model_and_survive_saving()
    {
        var random = new Random(3);
        var features = Enumerable.Range(0, 600).Select(_ => Dense(random, 6)).ToList();
        var labels = features.Select(f => f.GetValues()[0] + (0.5 * f.GetValues()[3]) > 0.6 + (0.2 * random.NextDouble())).ToList();
        var model = TreeModel.Fit(new MLContext(1), features, labels, seed: 1, trees: 20, leaves: 6, minimumLeafSize: 10);

        // Probe on fresh points and on points that sit exactly on the training values (split thresholds lie between them).
        var probes = Enumerable.Range(0, 300).Select(_ => Dense(random, 6)).Concat(features.Take(100)).ToList();
        var expected = model.ReferenceScores(probes);
        var actual = model.Score(probes);
        for (var i = 0; i < probes.Count; i++)
        {
            Assert.Equal(expected[i], actual[i], 4);
        }

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Assert.Equal(actual, TreeModel.Load(stream).Score(probes));
        Assert.Contains(actual, s => s > 0);
        Assert.Contains(actual, s => s < 0);
    }

    [Fact]
    public void A_tree_model_with_an_out_of_range_feature_is_refused()
    {
        var random = new Random(4);
        var features = Enumerable.Range(0, 200).Select(_ => Dense(random, 3)).ToList();
        var model = TreeModel.Fit(new MLContext(1), features, features.Select(f => f.GetValues()[1] > 0.5).ToList(), 1, 5, 4, 10);
        using var stream = new MemoryStream();
        model.Save(stream);
        var bytes = stream.ToArray();
        BitConverter.GetBytes(1).CopyTo(bytes, 8); // declare 1 feature: the splits on feature 1 no longer fit
        Assert.Throws<InvalidDataException>(() => TreeModel.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Copied_kind_weights_predict_exactly_as_the_ml_net_model_and_survive_saving()
    {
        var rows = TinyModel.Data.Rows.Where(r => r.Kind is not null).Take(600).ToList();
        var featurizer = TextFeaturizer.Fit(rows.Select(r => r.Text), ["penalty", "definition", "institutional"]);
        var features = featurizer.Transform(rows.Select(r => r.Text).ToList());
        var model = KindModel.Fit(new MLContext(1), features, rows.Select(r => r.Kind!).ToList(), featurizer.FeatureCount);
        Assert.Equal(rows.Select(r => r.Kind!).Distinct().Order(StringComparer.Ordinal), model.Kinds);

        var probes = featurizer.Transform(TinyModel.Data.Rows.Skip(600).Take(150).Select(r => r.Text).Append("zzz").ToList());
        var expected = model.ReferenceProbabilities(probes);
        var actual = model.Predict(probes);
        for (var i = 0; i < probes.Count; i++)
        {
            for (var k = 0; k < model.Kinds.Count; k++)
            {
                Assert.Equal(expected[i][k], actual[i].All[k], 4);
            }

            Assert.Equal(model.Kinds[Array.IndexOf(actual[i].All, actual[i].All.Max())], actual[i].Kind);
        }

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = KindModel.Load(stream, model.Kinds, featurizer.FeatureCount);
        Assert.Equal(actual.Select(a => a.All), loaded.Predict(probes).Select(a => a.All));
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => KindModel.Load(stream, model.Kinds, featurizer.FeatureCount + 1));
    }

    private static VBuffer<float> Dense(Random random, int size) =>
        new(size, Enumerable.Range(0, size).Select(_ => (float)Math.Round(random.NextDouble(), 2)).ToArray());
}
