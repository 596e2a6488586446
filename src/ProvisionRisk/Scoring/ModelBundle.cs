using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProvisionRisk.Features;
using ProvisionRisk.Training;

namespace ProvisionRisk.Scoring;

/// <summary>
/// The model bundle: one zip file holding the manifest, the featurizer's dictionaries, each label's models, the kind
/// model and the labelled training provisions, each part in a small binary format of its own. The bundle is read in
/// memory and never unpacked; entries it does not know, or whose names try to leave the bundle, make it invalid. The
/// manifest records the SHA-256 of every other entry, checked before any part is read; each part's reader also checks
/// its own sizes. The training provisions are parsed on first use only (scoring does not need them).
/// </summary>
internal static partial class ModelBundle
{
    private const string ManifestEntry = "manifest.json";
    private const string FeaturizerEntry = "featurizer.bin";
    private const string KindEntry = "kind.bin";
    private const string KindInContextEntry = "kind-context.bin";
    private const string TrainingEntry = "training.csv";
    private const long MaxEntryBytes = 512L << 20;

    [GeneratedRegex(@"^(manifest\.json|featurizer\.bin|kind\.bin|kind-context\.bin|training\.csv|labels/\d{1,3}/(linear|trees)\.bin)$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedEntry();

    public static void Write(RiskModel model, Stream stream)
    {
        var entries = new List<(string Name, byte[] Content)> { (FeaturizerEntry, Content(model.Featurizer.Save)) };
        if (model.KindModel is not null)
        {
            entries.Add((KindEntry, Content(model.KindModel.Save)));
        }

        if (model.KindsInContext is not null)
        {
            entries.Add((KindInContextEntry, Content(model.KindsInContext.Save)));
        }

        for (var i = 0; i < model.LabelModels.Count; i++)
        {
            var label = model.LabelModels[i];
            if (label.Linear is not null)
            {
                entries.Add(($"labels/{i}/linear.bin", Content(s => LinearModelIO.Write(label.Linear, s))));
            }

            if (label.Tree is not null)
            {
                entries.Add(($"labels/{i}/trees.bin", Content(label.Tree.Save)));
            }
        }

        entries.Add((TrainingEntry, Content(s =>
        {
            using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            TrainingDataWriter.Write(model.TrainingData, writer);
        })));

        var manifest = model.Manifest with { EntryHashes = entries.ToDictionary(e => e.Name, e => Hash(e.Content), StringComparer.Ordinal) };
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson.Default.ModelManifest));
        foreach (var (entryName, content) in entries)
        {
            Add(zip, entryName, content);
        }
    }

    public static RiskModel Read(Stream stream, string name)
    {
        Dictionary<string, byte[]> entries;
        try
        {
            entries = ReadEntries(stream, name);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidModelException($"{name}: not a ProvisionRisk model (not a readable zip bundle: {e.Message})", e);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ArgumentException)
        {
            throw new InvalidModelException($"{name}: the model bundle cannot be read: {e.Message}", e);
        }

        if (!entries.TryGetValue(ManifestEntry, out var manifestBytes))
        {
            throw new InvalidModelException($"{name}: not a ProvisionRisk model (no {ManifestEntry} in the bundle)");
        }

        ModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(manifestBytes, ManifestJson.Default.ModelManifest)
                ?? throw new InvalidModelException($"{name}: the manifest is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidModelException($"{name}: the manifest is not valid JSON: {e.Message}", e);
        }

        if (manifest.FormatVersion > ModelManifest.CurrentFormatVersion)
        {
            throw new InvalidModelException(
                $"{name}: the model has bundle format {manifest.FormatVersion}, newer than this library reads ({ModelManifest.CurrentFormatVersion}); update ProvisionRisk");
        }

        if (manifest.FormatVersion < ModelManifest.OldestFormatVersion && manifest.FormatVersion >= 1)
        {
            throw new InvalidModelException(
                $"{name}: the model has bundle format {manifest.FormatVersion}, written by an earlier version of ProvisionRisk that this one no longer reads; retrain it (provisionrisk train), for example from the training.csv inside the bundle");
        }

        if (manifest.FormatVersion < 1 || manifest.Labels.Count == 0)
        {
            throw new InvalidModelException($"{name}: the manifest has format {manifest.FormatVersion} and {manifest.Labels.Count} labels; it is damaged");
        }

        if (manifest.ContextWindow is < 0 or > TrainingOptions.MaxContextWindow
            || (manifest.ContextWindow > 0 && (manifest.FormatVersion < 3 || manifest.Pipeline != nameof(PipelineKind.Stacked))))
        {
            throw new InvalidModelException($"{name}: the manifest's context window of {manifest.ContextWindow} does not fit its format and pipeline");
        }

        if (manifest.RegionWindow is < 0 or > TrainingOptions.MaxRegionWindow
            || (manifest.RegionWindow > 0 && (manifest.FormatVersion < 4 || manifest.Pipeline != nameof(PipelineKind.Stacked))))
        {
            throw new InvalidModelException($"{name}: the manifest's region window of {manifest.RegionWindow} does not fit its format and pipeline");
        }

        CheckHashes(manifest, entries, name);

        try
        {
            var featurizer = TextFeaturizer.Load(Open(entries, FeaturizerEntry, name), manifest.FeatureCues);
            var labels = new List<LabelModel>();
            var pipeline = Enum.TryParse<PipelineKind>(manifest.Pipeline, out var kind)
                ? kind
                : throw new InvalidModelException($"{name}: unknown pipeline '{manifest.Pipeline}' in the manifest");
            for (var i = 0; i < manifest.Labels.Count; i++)
            {
                var label = manifest.Labels[i];
                LinearModel? linear = entries.ContainsKey($"labels/{i}/linear.bin")
                    ? LinearModelIO.Read(Open(entries, $"labels/{i}/linear.bin", name), featurizer.FeatureCount)
                    : null;
                TreeModel? tree = entries.ContainsKey($"labels/{i}/trees.bin")
                    ? TreeModel.Load(Open(entries, $"labels/{i}/trees.bin", name))
                    : null;
                var needsLinear = pipeline is PipelineKind.Linear or PipelineKind.Stacked;
                var needsTree = pipeline is PipelineKind.Stacked or PipelineKind.FastTree;
                if (pipeline == PipelineKind.FastTree && (manifest.TreeSlots.Count == 0 || manifest.TreeSlots.Any(s => s < 0 || s >= featurizer.FeatureCount)))
                {
                    throw new InvalidModelException($"{name}: the manifest's tree feature slots do not fit the featurizer");
                }
                if (pipeline == PipelineKind.CueRules && CueDirections.For(label).Count == 0)
                {
                    throw new InvalidModelException($"{name}: label '{label}' has no directional cues for the cue-rules pipeline");
                }
                if ((needsLinear && linear is null) || (needsTree && tree is null))
                {
                    throw new InvalidModelException($"{name}: the models of label '{label}' are missing from the bundle");
                }

                if (!manifest.Calibration.TryGetValue(label, out var c) || !manifest.Thresholds.TryGetValue(label, out var threshold))
                {
                    throw new InvalidModelException($"{name}: the manifest has no calibration or threshold for label '{label}'");
                }

                if (!(c.LinearWeight >= 0) || !double.IsFinite(c.LinearWeight))
                {
                    throw new InvalidModelException($"{name}: label '{label}' has a linear weight of {c.LinearWeight}; it must be a non-negative number");
                }

                if (c.CueWeights.Keys.Any(k => LegalCues.IndexOf(k.Split(OutputLayer.KindSeparator)[0]) < 0))
                {
                    throw new InvalidModelException($"{name}: label '{label}' uses a legal cue this version does not know");
                }

                labels.Add(new LabelModel(label, pipeline, linear, tree, new OutputLayer(c.Scale, c.Bias, c.CueWeights, c.LinearWeight), threshold,
                    pipeline == PipelineKind.FastTree ? manifest.TreeSlots.ToArray() : null));
            }

            var kindModel = entries.ContainsKey(KindEntry) ? KindModel.Load(Open(entries, KindEntry, name), manifest.Kinds, featurizer.FeatureCount) : null;
            if (entries.ContainsKey(KindInContextEntry) && (kindModel is null || manifest.ContextWindow == 0))
            {
                throw new InvalidModelException($"{name}: the bundle has a model of kinds read in context but no kind model or context window");
            }

            var kindsInContext = entries.ContainsKey(KindInContextEntry)
                ? KindInContext.Load(Open(entries, KindInContextEntry, name), manifest.Kinds, manifest.ContextWindow)
                : null;
            var csv = entries.GetValueOrDefault(TrainingEntry);
            return new RiskModel(featurizer, labels, kindModel, kindsInContext, manifest, () => TrainingData(csv, manifest, name));
        }
        catch (InvalidModelException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A damaged part shows up in many ways (an end of stream, an inconsistent size, an allocation of a size
            // read from the damaged bytes): all of them mean the bundle cannot be used.
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            throw new InvalidModelException($"{name}: a model inside the bundle is damaged or incompatible: {cause.Message}", e);
        }
    }

    /// <summary>Reads the bundle's labelled training provisions (on first use: scoring does not need them).</summary>
    private static LabelledDataset TrainingData(byte[]? csv, ModelManifest manifest, string name)
    {
        if (csv is null)
        {
            return new LabelledDataset(manifest.Labels, []);
        }

        try
        {
            return LabelledDataset.Load(new MemoryStream(csv, writable: false), name + "/" + TrainingEntry, manifest.Labels);
        }
        catch (LabelledDataException e)
        {
            throw new InvalidModelException($"{name}: the training data in the bundle is damaged: {e.Message}", e);
        }
    }

    private static Dictionary<string, byte[]> ReadEntries(Stream stream, string name)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            if (!AllowedEntry().IsMatch(entry.FullName))
            {
                throw new InvalidModelException($"{name}: unexpected entry '{entry.FullName}' in the model bundle");
            }

            if (entry.Length > MaxEntryBytes)
            {
                throw new InvalidModelException($"{name}: entry '{entry.FullName}' is too large ({entry.Length} bytes)");
            }

            // The declared length can lie: read one byte more than the limit at most.
            using var s = entry.Open();
            using var copy = new MemoryStream();
            var buffer = new byte[1 << 16];
            int n;
            while ((n = s.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxEntryBytes + 1 - copy.Length))) > 0)
            {
                copy.Write(buffer, 0, n);
            }

            if (copy.Length > MaxEntryBytes)
            {
                throw new InvalidModelException($"{name}: entry '{entry.FullName}' is too large (over {MaxEntryBytes} bytes)");
            }

            result[entry.FullName] = copy.ToArray();
        }

        return result;
    }

    private static MemoryStream Open(Dictionary<string, byte[]> entries, string entry, string name) =>
        entries.TryGetValue(entry, out var bytes)
            ? new MemoryStream(bytes, writable: false)
            : throw new InvalidModelException($"{name}: '{entry}' is missing from the model bundle");

    /// <summary>Checks every entry against the SHA-256 the manifest records (bundles written before checksums have none).</summary>
    private static void CheckHashes(ModelManifest manifest, Dictionary<string, byte[]> entries, string name)
    {
        if (manifest.EntryHashes is not { } hashes)
        {
            return;
        }

        foreach (var (entry, content) in entries.Where(e => e.Key != ManifestEntry))
        {
            if (!hashes.TryGetValue(entry, out var expected))
            {
                throw new InvalidModelException($"{name}: entry '{entry}' is not listed in the manifest; the bundle was altered");
            }

            if (!string.Equals(expected, Hash(content), StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidModelException($"{name}: entry '{entry}' is damaged (its SHA-256 does not match the manifest)");
            }
        }

        var missing = hashes.Keys.FirstOrDefault(k => !entries.ContainsKey(k));
        if (missing is not null)
        {
            throw new InvalidModelException($"{name}: '{missing}' is missing from the model bundle");
        }
    }

    private static byte[] Content(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var s = entry.Open();
        s.Write(content);
    }
}
