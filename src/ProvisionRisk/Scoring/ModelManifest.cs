using System.Text.Json.Serialization;

namespace ProvisionRisk.Scoring;

/// <summary>The manifest of a model bundle: what the model is, how it was trained and how well it did.</summary>
public sealed record ModelManifest
{
    /// <summary>The bundle format version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 4;

    /// <summary>The oldest bundle format this library reads (format 2 has no context window, formats 2 and 3 no region window).</summary>
    internal const int OldestFormatVersion = 2;

    /// <summary>Gets the bundle format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Gets the label names, in model order.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Gets each label's decision threshold on calibrated probabilities (chosen on out-of-fold predictions inside training).</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>Gets each label's output layer (calibration and directional cue weights).</summary>
    public IReadOnlyDictionary<string, CalibrationParameters> Calibration { get; init; } = new Dictionary<string, CalibrationParameters>();

    /// <summary>Gets the legal cues included in the feature vector (the others are directional and reach only the output layers).</summary>
    public IReadOnlyList<string> FeatureCues { get; init; } = [];

    /// <summary>Gets the feature slots read by the FastTree-only pipeline (empty for the other pipelines).</summary>
    public IReadOnlyList<int> TreeSlots { get; init; } = [];

    /// <summary>Gets the pipeline used for every label (<c>Stacked</c>, <c>Linear</c>, <c>FastTree</c> or <c>CueRules</c>).</summary>
    public string Pipeline { get; init; } = string.Empty;

    /// <summary>Gets the kinds the kind model can predict (empty when there is no kind model).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Gets the leave-one-instrument-out metrics per label, when cross-validation ran at training time.</summary>
    public IReadOnlyDictionary<string, Training.BinaryMetrics>? CrossValidation { get; init; }

    /// <summary>Gets the leave-one-instrument-out accuracy of the predicted kind of provision, when cross-validation
    /// ran at training time and the data gives kinds.</summary>
    public double? CrossValidatedKindAccuracy { get; init; }

    /// <summary>Gets the SHA-256 of the training data (ids, texts and label values, in order).</summary>
    public string TrainingDataHash { get; init; } = string.Empty;

    /// <summary>Gets the number of training provisions.</summary>
    public int TrainingRows { get; init; }

    /// <summary>Gets the number of training provisions per source (instrument).</summary>
    public IReadOnlyDictionary<string, int> Sources { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the random seed used for training.</summary>
    public int Seed { get; init; }

    /// <summary>Gets how many neighbouring provisions on each side the stacked trees read when a document is scored
    /// (0: every provision is read alone; bundles of format 2 have 0).</summary>
    public int ContextWindow { get; init; }

    /// <summary>Gets how many provisions on each side make up the region whose mean the stacked trees read when a
    /// document is scored (0: no region; bundles of formats 2 and 3 have 0).</summary>
    public int RegionWindow { get; init; }

    /// <summary>Gets the L2 regularisation of the linear model, whether it uses naive-Bayes weighting, and the number of inner folds.</summary>
    public string Settings { get; init; } = string.Empty;

    /// <summary>Gets the versions of the packages that trained the model.</summary>
    public IReadOnlyDictionary<string, string> PackageVersions { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets when the model was trained (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Gets the SHA-256 of every other entry of the bundle, checked before any model is read; null in bundles
    /// written before checksums were recorded.</summary>
    [JsonInclude]
    internal IReadOnlyDictionary<string, string>? EntryHashes { get; init; }
}
