using System.IO.Compression;
using System.Text;
using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Scoring;

public sealed class RiskModelTests
{
    private const string ContentOffence =
        "Any person who publishes false information or an insult that causes annoyance to any other person commits an offence.";

    private const string NarrowOffence =
        "Each Party shall adopt such legislative and other measures as may be necessary to establish as criminal offences under its domestic law, when committed intentionally, the access to the whole or any part of a computer system without right.";

    [Fact]
    public void Scores_are_probabilities_with_decisions_at_the_label_thresholds()
    {
        var score = TinyModel.Model.Score(ContentOffence);
        Assert.Equal(["overbreadth", "missing_safeguards"], score.Labels.Select(l => l.Label));
        foreach (var l in score.Labels)
        {
            Assert.InRange(l.Probability, 0, 1);
            Assert.InRange(l.Threshold, 0, 1);
            Assert.Equal(l.Probability >= l.Threshold, l.Flagged);
        }

        Assert.Equal(score.Get("overbreadth").Probability, score["overbreadth"]);
        Assert.Throws<KeyNotFoundException>(() => score["no-such-label"]);
        Assert.NotNull(score.Kind);
    }

    [Fact]
    public void Evidence_names_features_with_spans_inside_the_text()
    {
        var score = TinyModel.Model.Score(ContentOffence);
        var evidence = score.Get("overbreadth").Evidence;
        Assert.NotEmpty(evidence);
        foreach (var e in evidence)
        {
            Assert.NotEmpty(e.Spans);
            foreach (var s in e.Spans)
            {
                Assert.InRange(s.Start, 0, s.End);
                Assert.InRange(s.End, s.Start + 1, ContentOffence.Length);
                if (!e.Feature.StartsWith("cue:", StringComparison.Ordinal))
                {
                    Assert.Equal(e.Feature, ContentOffence[s.Start..s.End].ToLowerInvariant().Replace(",", string.Empty, StringComparison.Ordinal));
                }
            }
        }

        Assert.Empty(TinyModel.Model.Score(ContentOffence, new ScoringOptions { IncludeEvidence = false }).Get("overbreadth").Evidence);
    }

    [Fact]
    public void Overrides_thresholds_when_asked()
    {
        var score = TinyModel.Model.Score(NarrowOffence, new ScoringOptions { Thresholds = new Dictionary<string, double> { ["overbreadth"] = 0 } });
        Assert.True(score.Get("overbreadth").Flagged);
        Assert.Equal(0, score.Get("overbreadth").Threshold);
        Assert.Throws<ArgumentException>(() => TinyModel.Model.Score(NarrowOffence, new ScoringOptions { Thresholds = new Dictionary<string, double> { ["x"] = 2 } }));
    }

    [Fact]
    public void Same_data_and_seed_give_the_same_model()
    {
        var again = RiskTrainer.Train(TinyModel.Data, TinyModel.Options);
        var texts = TinyModel.Data.Rows.Take(40).Select(r => r.Text).ToList();
        var a = TinyModel.Model.Score(texts);
        var b = again.Score(texts);
        Assert.Equal(a.Select(s => s["overbreadth"]), b.Select(s => s["overbreadth"]));
        Assert.Equal(a.Select(s => s["missing_safeguards"]), b.Select(s => s["missing_safeguards"]));
        Assert.Equal(TinyModel.Model.Manifest.Thresholds, again.Manifest.Thresholds);
        Assert.Equal(TinyModel.Model.Manifest.TrainingDataHash, again.Manifest.TrainingDataHash);
    }

    [Theory]
    [InlineData(PipelineKind.Linear)]
    [InlineData(PipelineKind.FastTree)]
    [InlineData(PipelineKind.CueRules)]
    public void Every_pipeline_trains_saves_loads_and_scores(PipelineKind pipeline)
    {
        var data = new LabelledDataset(TinyModel.Data.Labels, TinyModel.Data.Rows.Where((_, i) => i % 2 == 0).ToList());
        var model = RiskTrainer.Train(data, TinyModel.Options with { Pipeline = pipeline, InnerFolds = 2, TrainKindModel = false });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = RiskModel.Load(stream);
        Assert.Equal(pipeline.ToString(), loaded.Manifest.Pipeline);
        var texts = new[] { ContentOffence, NarrowOffence };
        Assert.Equal(model.Score(texts).Select(s => s["overbreadth"]), loaded.Score(texts).Select(s => s["overbreadth"]));
        Assert.All(loaded.Score(texts), s => Assert.All(s.Labels, l => Assert.InRange(l.Probability, 0, 1)));
    }

    [Fact]
    public void Round_trips_through_a_bundle_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.model");
        TinyModel.Model.Save(path);
        var loaded = RiskModel.Load(path);
        var texts = TinyModel.Data.Rows.Take(25).Select(r => r.Text).Append(ContentOffence).ToList();
        Assert.Equal(TinyModel.Model.Score(texts).Select(s => s["overbreadth"]), loaded.Score(texts).Select(s => s["overbreadth"]));
        Assert.Equal(TinyModel.Model.Score(texts).Select(s => s.Kind), loaded.Score(texts).Select(s => s.Kind));
        Assert.Equal(TinyModel.Model.Manifest.Labels, loaded.Manifest.Labels);
        Assert.Equal(TinyModel.Data.Rows.Count, loaded.TrainingData.Rows.Count);
        Assert.Equal(TinyModel.Data.Rows.Select(r => r.Rationale), loaded.TrainingData.Rows.Select(r => r.Rationale));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Scores_the_same_from_many_threads_as_serially()
    {
        var texts = TinyModel.Data.Rows.Select(r => r.Text).Take(300).ToList();
        var serial = TinyModel.Model.Score(texts, new ScoringOptions { BatchSize = 32 }).Select(Fingerprint).ToList();
        var results = new List<string>[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            results[t] = TinyModel.Model.Score(texts, new ScoringOptions { BatchSize = 7 + t }).Select(Fingerprint).ToList();
        });
        Assert.All(results, r => Assert.Equal(serial, r));

        static string Fingerprint(ProvisionScore s) =>
            string.Join('|', s.Labels.Select(l => $"{l.Probability:R}:{string.Join(',', l.Evidence.Select(e => e.Feature))}")) + s.Kind;
    }

    [Fact]
    public void Scores_a_segmented_document_in_document_order()
    {
        var document = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Root, "samples", "budapest-ets185.txt"));
        var scores = TinyModel.Model.Score(document);
        Assert.Equal(document.Provisions.Count, scores.Count);
        Assert.Equal(document.Provisions.Select(p => p.Ref), scores.Select(s => s.Provision!.Ref));
    }

    [Fact]
    public void Rejects_random_bytes_and_truncated_bundles()
    {
        var random = new byte[4096];
        new Random(3).NextBytes(random);
        Assert.Contains("not a ProvisionRisk model", Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(random))).Message, StringComparison.Ordinal);
        var bytes = Bundle();
        var truncated = bytes[..(bytes.Length / 2)];
        Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(truncated)));
        Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream([])));
    }

    [Fact]
    public void Rejects_a_bundle_of_a_newer_format()
    {
        var bytes = Rewrite(Bundle(), "manifest.json", m => m.Replace(Current, "\"formatVersion\": 99", StringComparison.Ordinal));
        var e = Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(bytes)));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_bundle_of_the_first_format_and_says_how_to_retrain()
    {
        var bytes = Rewrite(Bundle(), "manifest.json", m => m.Replace(Current, "\"formatVersion\": 1", StringComparison.Ordinal));
        var e = Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(bytes)));
        Assert.Contains("earlier version", e.Message, StringComparison.Ordinal);
        Assert.Contains("provisionrisk train", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_bundle_of_the_previous_format_as_a_model_without_context()
    {
        var plain = RiskTrainer.Train(TinyModel.Data, TinyModel.Options with { ContextWindow = 0, RegionWindow = 0 });
        var previous = AsFormat(plain, 2, "contextWindow", "regionWindow");
        var loaded = RiskModel.Load(new MemoryStream(previous));
        Assert.Equal(0, loaded.Manifest.ContextWindow);
        Assert.Equal(0, loaded.Manifest.RegionWindow);
        var texts = TinyModel.Data.Rows.Take(20).Select(r => r.Text).ToList();
        Assert.Equal(plain.Score(texts).Select(s => s["overbreadth"]), loaded.Score(texts).Select(s => s["overbreadth"]));
    }

    [Fact]
    public void Rejects_a_model_of_kinds_in_context_without_a_context_window()
    {
        var bytes = Rewrite(BundleWithKindsInContext(), "manifest.json", m => m.Replace("\"contextWindow\": 2", "\"contextWindow\": 0", StringComparison.Ordinal));
        var e = Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(bytes)));
        Assert.Contains("kinds read in context", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_of_kinds_read_in_context_survives_saving()
    {
        var loaded = RiskModel.Load(new MemoryStream(BundleWithKindsInContext()));
        Assert.NotNull(loaded.KindsInContext);
        var provisions = TinyModel.Data.Rows.Take(60).Select(r => new Provision(r.Source, r.Ref ?? r.Id, null, null, r.Text, 0, r.Text.Length, 0)).ToList();
        var options = new ScoringOptions { IncludeEvidence = false };
        Assert.Equal(WithKindsInContext().Score(provisions, options).Select(s => (s.Kind, s.KindProbability)),
            loaded.Score(provisions, options).Select(s => (s.Kind, s.KindProbability)));
    }

    [Theory]
    [InlineData("\"contextWindow\": 2", "\"contextWindow\": 11", "context window")]
    [InlineData("\"contextWindow\": 2", "\"contextWindow\": -1", "context window")]
    [InlineData("\"formatVersion\": 4", "\"formatVersion\": 2", "context window")]
    [InlineData("\"pipeline\": \"Stacked\"", "\"pipeline\": \"Linear\"", "context window")]
    [InlineData("\"regionWindow\": 10", "\"regionWindow\": 51", "region window")]
    [InlineData("\"regionWindow\": 10", "\"regionWindow\": -1", "region window")]
    [InlineData("\"formatVersion\": 4", "\"formatVersion\": 3", "region window")]
    public void Rejects_a_context_or_region_window_that_does_not_fit_the_bundle(string from, string to, string message)
    {
        var bytes = Rewrite(Bundle(), "manifest.json", m => m.Contains(from, StringComparison.Ordinal) ? m.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException(from));
        var e = Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(bytes)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_bundle_of_format_three_as_a_model_without_a_region()
    {
        var withoutRegion = RiskTrainer.Train(TinyModel.Data, TinyModel.Options with { RegionWindow = 0 });
        var previous = AsFormat(withoutRegion, 3, "regionWindow");
        var loaded = RiskModel.Load(new MemoryStream(previous));
        Assert.Equal((2, 0), (loaded.Manifest.ContextWindow, loaded.Manifest.RegionWindow));
        var provisions = TinyModel.Data.Rows.Take(40).Select(r => new Provision(r.Source, r.Ref ?? r.Id, null, null, r.Text, 0, r.Text.Length, 0)).ToList();
        Assert.Equal(withoutRegion.Score(provisions).Select(s => s["missing_safeguards"]), loaded.Score(provisions).Select(s => s["missing_safeguards"]));
    }

    [Theory]
    [InlineData("featurizer.bin")]
    [InlineData("kind.bin")]
    [InlineData("labels/0/trees.bin")]
    [InlineData("labels/1/linear.bin")]
    [InlineData("kind-context.bin")]
    public void Rejects_a_damaged_part_even_without_checksums(string entry)
    {
        // Checksums removed from the manifest: the part's own reader must refuse the damage.
        var withoutChecksums = Rewrite(BundleWithKindsInContext(), "manifest.json", m => System.Text.RegularExpressions.Regex.Replace(m, ",\\s*\"entryHashes\": \\{[^}]*\\}", ""));
        var damaged = Rewrite(withoutChecksums, entry, c => c[..(c.Length / 2)]);
        var e = Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(damaged)));
        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_unexpected_entries_and_paths_leaving_the_bundle()
    {
        foreach (var name in new[] { "../evil.txt", "/etc/evil", "labels/0/evil.zip", "extra.bin" })
        {
            var bytes = AddEntry(Bundle(), name);
            var e = Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(bytes)));
            Assert.Contains("unexpected entry", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rejects_a_bundle_whose_inner_model_is_damaged()
    {
        var bytes = Rewrite(Bundle(), "featurizer.bin", _ => "not a model");
        Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(bytes)));
        var missing = Rewrite(Bundle(), "manifest.json", m => m.Replace("\"overbreadth\": {", "\"other\": {", StringComparison.Ordinal));
        Assert.Throws<InvalidModelException>(() => RiskModel.Load(new MemoryStream(missing)));
    }

    [Fact]
    public void Reports_a_missing_file_as_an_invalid_model()
    {
        var e = Assert.Throws<InvalidModelException>(() => RiskModel.Load("/nonexistent/dir/model.bin"));
        Assert.Contains("model.bin", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The tiny model with a model of kinds read in context (fitted on synthetic runs of kinds: the tiny
    /// training data is too small for one to beat the kind model on held-out folds).</summary>
    private static RiskModel WithKindsInContext()
    {
        var m = TinyModel.Model;
        var names = m.KindModel!.Kinds;
        var (p, kinds, documents, folds) = Training.KindInContextTests.Runs(names, 5);
        var inContext = KindInContext.Fit(new Microsoft.ML.MLContext(1), p, names, kinds, documents, folds, m.Manifest.ContextWindow)!;
        return new RiskModel(m.Featurizer, m.LabelModels, m.KindModel, inContext, m.Manifest, m.TrainingData);
    }

    private static byte[] BundleWithKindsInContext()
    {
        using var stream = new MemoryStream();
        WithKindsInContext().Save(stream);
        return stream.ToArray();
    }

    private static string Current => $"\"formatVersion\": {ModelManifest.CurrentFormatVersion}";

    private static byte[] Bundle()
    {
        using var stream = new MemoryStream();
        TinyModel.Model.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Rewrite(byte[] bundle, string entry, Func<string, string> change)
    {
        using var input = new ZipArchive(new MemoryStream(bundle), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in input.Entries)
            {
                using var s = e.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                var data = e.FullName == entry ? Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(copy.ToArray()))) : copy.ToArray();
                using var target = zip.CreateEntry(e.FullName).Open();
                target.Write(data);
            }
        }

        return output.ToArray();
    }

    /// <summary>The model's bundle rewritten as an older format: the manifest declares <paramref name="version"/> and lacks
    /// the (zero-valued) <paramref name="fieldsAbsent"/>, which that format did not have.</summary>
    private static byte[] AsFormat(RiskModel model, int version, params string[] fieldsAbsent)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        var previous = Rewrite(stream.ToArray(), "manifest.json", m => fieldsAbsent.Aggregate(
            m.Replace(Current, $"\"formatVersion\": {version}", StringComparison.Ordinal),
            (text, field) => text.Replace($"\"{field}\": 0,", string.Empty, StringComparison.Ordinal)));
        var manifest = EntryText(previous, "manifest.json");
        Assert.Contains($"\"formatVersion\": {version}", manifest, StringComparison.Ordinal);
        Assert.All(fieldsAbsent, field => Assert.DoesNotContain($"\"{field}\":", manifest, StringComparison.Ordinal));
        return previous;
    }

    private static string EntryText(byte[] bundle, string entry)
    {
        using var zip = new ZipArchive(new MemoryStream(bundle), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] AddEntry(byte[] bundle, string name)
    {
        var output = new MemoryStream();
        output.Write(bundle);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var s = zip.CreateEntry(name).Open();
            s.Write("x"u8);
        }

        return output.ToArray();
    }
}
