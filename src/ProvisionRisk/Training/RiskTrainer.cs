using System.Collections.Concurrent;
using Microsoft.ML;
using ProvisionRisk.Features;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Training;

/// <summary>
/// Trains risk models from labelled provisions and evaluates them by leave-one-instrument-out cross-validation.
/// Every label gets its own model on shared features; calibration and thresholds are chosen on out-of-fold
/// predictions inside the training data only. The same data and seed give the same model and metrics.
/// </summary>
public static class RiskTrainer
{
    private const int BootstrapResamples = 1000;

    /// <summary>Trains a model on all of <paramref name="data"/>.</summary>
    /// <param name="data">The labelled provisions.</param>
    /// <param name="options">Training options; null for the defaults.</param>
    /// <param name="crossValidation">Cross-validation results to record in the manifest, if already computed.</param>
    /// <param name="cancellationToken">Cancels training between steps.</param>
    /// <returns>The trained model.</returns>
    /// <exception cref="ArgumentException">The data cannot train a model (a label with a single class, too few groups).</exception>
    public static RiskModel Train(LabelledDataset data, TrainingOptions? options = null, CrossValidationReport? crossValidation = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrainingOptions();
        options.Validate();
        Check(data, options);
        var ml = new MLContext(options.Seed);
        var (featurizer, labelModels, kindModel, kindsInContext) = Fit(ml, data.Rows, data.Labels, options, cancellationToken);
        var kinds = kindModel is null
            ? []
            : data.Rows.Where(r => r.Kind is not null).Select(r => r.Kind!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var manifest = new ModelManifest
        {
            Labels = data.Labels.ToList(),
            Thresholds = labelModels.ToDictionary(m => m.Label, m => Math.Round(m.Threshold, 6)),
            Calibration = labelModels.ToDictionary(m => m.Label, m => new CalibrationParameters(m.Output.Scale, m.Output.Bias, m.Output.CueWeights) { LinearWeight = m.Output.LinearWeight }),
            FeatureCues = featurizer.FeatureCues.ToList(),
            TreeSlots = labelModels.FirstOrDefault(m => m.TreeSlots is not null)?.TreeSlots?.ToList() ?? [],
            Pipeline = options.Pipeline.ToString(),
            Kinds = kinds,
            CrossValidation = crossValidation?.Labels.ToDictionary(l => l.Label, l => l.Pooled),
            CrossValidatedKindAccuracy = crossValidation?.KindAccuracy,
            TrainingDataHash = TrainingDataWriter.Hash(data),
            TrainingRows = data.Rows.Count,
            Sources = data.Rows.GroupBy(r => r.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            Seed = options.Seed,
            ContextWindow = options.EffectiveReach.Window,
            RegionWindow = options.EffectiveReach.Region,
            Settings = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"l2={options.L2}; naiveBayesWeighting={(options.NaiveBayesWeighting ? "true" : "false")}; innerFolds={options.InnerFolds}; contextWindow={options.EffectiveReach.Window}; regionWindow={options.EffectiveReach.Region}; linearCueFeatures={(options.Pipeline != PipelineKind.Stacked || options.LinearCueFeatures ? "true" : "false")}"),
            PackageVersions = PackageVersions(),
            CreatedUtc = DateTimeOffset.UtcNow,
        };
        return new RiskModel(featurizer, labelModels, kindModel, kindsInContext, manifest, data);
    }

    /// <summary>
    /// Leave-one-group-out cross-validation: for each group (instrument, or the <c>group</c> column), trains on all
    /// other groups, with calibration and thresholds chosen inside that training fold, and predicts the held-out group.
    /// Folds run in parallel; results do not depend on the order in which they finish.
    /// </summary>
    /// <param name="data">The labelled provisions (at least three groups).</param>
    /// <param name="options">Training options; null for the defaults.</param>
    /// <param name="progress">Receives a line per finished fold.</param>
    /// <param name="cancellationToken">Cancels between folds.</param>
    /// <returns>The report.</returns>
    public static CrossValidationReport CrossValidate(LabelledDataset data, TrainingOptions? options = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrainingOptions();
        options.Validate();
        Check(data, options);
        var groups = data.Groups.Order(StringComparer.Ordinal).ToList();
        if (groups.Count < 3)
        {
            throw new ArgumentException($"Cross-validation by instrument needs at least 3 groups; the data has {groups.Count}.", nameof(data));
        }

        var results = new ConcurrentDictionary<string, List<HeldOutPrediction>>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.ForEach(groups, parallel, group =>
        {
            var train = data.Rows.Where(r => r.Group != group).ToList();
            var test = data.Rows.Where(r => r.Group == group).ToList();
            var usable = data.Labels.All(l => train.Any(r => r.IsPositive(l)) && train.Any(r => !r.IsPositive(l)));
            if (!usable)
            {
                progress?.Report($"{group}: skipped (a label has a single class without it)");
                return;
            }

            var ml = new MLContext(options.Seed);
            var (featurizer, models, kindModel, kindsInContext) = Fit(ml, train, data.Labels, options, cancellationToken);
            var rows = featurizer.Transform(test.Select(r => r.Text).ToList());
            var kinds = kindModel?.Predict(rows);
            var documents = Documents(test);
            var probabilities = Probabilities(rows, featurizer, models, kindModel, kinds, documents, options.EffectiveReach);
            var reportedKinds = kinds is null || kindsInContext is null ? kinds : kindsInContext.Predict(kinds, documents);
            var predictions = test.Select((r, i) => new HeldOutPrediction(
                r.Id,
                group,
                models.Select((m, l) => (m.Label, P: probabilities[l][i])).ToDictionary(x => x.Label, x => x.P),
                models.ToDictionary(m => m.Label, m => m.Threshold),
                data.Labels.ToDictionary(l => l, r.IsPositive))
            {
                Kind = r.Kind,
                PredictedKind = reportedKinds?[i].Kind,
            }).ToList();
            results[group] = predictions;
            progress?.Report($"{group}: {test.Count} provisions held out");
        });

        var all = groups.Where(results.ContainsKey).SelectMany(g => results[g]).ToList();
        var evaluations = data.Labels.Select(label =>
        {
            var pooled = Metrics(all, label);
            var byGroup = all.GroupBy(p => p.Group, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Metrics(g.ToList(), label), StringComparer.Ordinal);
            var intervals = Bootstrap.Intervals(all, label, BootstrapResamples, options.Seed);
            var reliability = Bootstrap.Reliability(all.Select(p => p.Probabilities[label]).ToList(), all.Select(p => p.Truth[label]).ToList(), 10);
            return new LabelEvaluation(label, pooled, intervals, reliability, byGroup);
        }).ToList();
        return new CrossValidationReport(options.Pipeline, evaluations, all);
    }

    private static BinaryMetrics Metrics(IReadOnlyList<HeldOutPrediction> predictions, string label)
    {
        var p = predictions.Select(x => x.Probabilities[label]).ToList();
        var y = predictions.Select(x => x.Truth[label]).ToList();
        var decisions = predictions.Select(x => x.IsFlagged(label)).ToList();
        var meanThreshold = predictions.Count == 0 ? double.NaN : predictions.Average(x => x.Thresholds[label]);
        return BinaryMetrics.Compute(p, y, decisions, meanThreshold);
    }

    /// <summary>Calibrated probabilities of every label for a featurized batch, [label][row].</summary>
    /// <param name="rows">The featurized provisions, in document order.</param>
    /// <param name="featurizer">The model's featurizer.</param>
    /// <param name="models">The label models.</param>
    /// <param name="kinds">The kind model, if any.</param>
    /// <param name="kindPredictions">The kind model's predictions for <paramref name="rows"/>, if already made.</param>
    /// <param name="documents">Each provision's document (<see cref="DocumentContext.Number"/>); null reads every provision alone.</param>
    /// <param name="reach">How far the model reads around a provision.</param>
    internal static double[][] Probabilities(IReadOnlyList<FeaturizedRow> rows, TextFeaturizer featurizer, IReadOnlyList<LabelModel> models,
        KindModel? kinds, IReadOnlyList<(string Kind, double Probability, float[] All)>? kindPredictions, IReadOnlyList<int>? documents, ContextReach reach)
    {
        var stackedPipeline = models.Count > 0 && models[0].Kind == PipelineKind.Stacked;
        var predictedKinds = stackedPipeline ? kindPredictions ?? kinds?.Predict(rows) : null;
        var linear = stackedPipeline ? models.Select(m => rows.Select(r => m.Linear!.Score(r.Features)).ToArray()).ToArray() : null;
        var stacking = linear is null ? null : StackingInputs.For(rows, featurizer.CueIndices, linear, predictedKinds?.Select(k => k.All).ToList(), documents, reach);
        var kindNames = predictedKinds is null ? [] : kinds!.Kinds;
        return models.Select((m, l) => m.RawScores(rows, stacking)
            .Select((s, i) => m.Output.Probability(s, rows[i].Cues, kindNames, predictedKinds?[i].All, linear?[l][i] ?? 0)).ToArray()).ToArray();
    }

    private static (TextFeaturizer Featurizer, List<LabelModel> Models, KindModel? Kinds, KindInContext? KindsInContext) Fit(MLContext ml, IReadOnlyList<LabelledProvision> rows,
        IReadOnlyList<string> labels, TrainingOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var texts = rows.Select(r => r.Text).ToList();

        // Directional cues are not features of the linear models or trees: they reach the probability through each label's
        // sign-constrained output layer. Their words stay in the n-grams (FeaturizerSettings.Default).
        var directional = CueDirections.AnyOf(labels);
        var featurizer = TextFeaturizer.Fit(texts, LegalCues.Names.Where(c => !directional.Contains(c)).ToList());
        var features = featurizer.Transform(texts);
        cancellationToken.ThrowIfCancellationRequested();
        var truth = labels.Select(label => (IReadOnlyList<bool>)rows.Select(r => r.IsPositive(label)).ToList()).ToList();
        // Naive-Bayes weighting would amplify the n-grams of directional cue words wherever the data ties them to one
        // class (every provision of the corpus that names dual criminality is labelled as lacking safeguards: it waives
        // or weakens the condition); it leaves them out.
        var naiveBayesLeftOut = options.NaiveBayesWeighting ? featurizer.DirectionalCueWordSlots(texts, features) : null;
        var (models, kinds, kindsInContext) = EnsembleTrainer.Train(ml, features, labels, truth, rows.Select(r => r.Group).ToList(),
            rows.Select(r => r.Kind).ToList(), Documents(rows), options, featurizer.FeatureCount, featurizer.CueIndices, naiveBayesLeftOut, cancellationToken);
        return (featurizer, models, kinds, kindsInContext);
    }

    /// <summary>The documents of labelled provisions: consecutive rows of one source are neighbours.</summary>
    private static int[] Documents(IReadOnlyList<LabelledProvision> rows) => DocumentContext.Number(rows.Select(r => r.Source).ToList());

    private static void Check(LabelledDataset data, TrainingOptions options)
    {
        if (options.Pipeline == PipelineKind.CueRules && data.Labels.Any(l => CueDirections.For(l).Count == 0))
        {
            throw new ArgumentException("The cue-rules pipeline knows directional cues only for overbreadth and missing_safeguards.", nameof(options));
        }

        if (data.Rows.Count < 10)
        {
            throw new ArgumentException($"Training needs at least 10 labelled provisions; the data has {data.Rows.Count}.", nameof(data));
        }

        foreach (var label in data.Labels)
        {
            var positives = data.Rows.Count(r => r.IsPositive(label));
            if (positives == 0 || positives == data.Rows.Count)
            {
                throw new ArgumentException($"Label '{label}' has only {(positives == 0 ? "negative" : "positive")} values; a model needs both.", nameof(data));
            }
        }
    }

    private static Dictionary<string, string> PackageVersions()
    {
        static string Of(Type t)
        {
            var informational = t.Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
            return informational?.Split('+')[0] ?? t.Assembly.GetName().Version?.ToString() ?? "unknown";
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ProvisionRisk"] = Of(typeof(RiskTrainer)),
            ["Microsoft.ML"] = Of(typeof(MLContext)),
            ["Microsoft.ML.FastTree"] = Of(typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer)),
            ["CsvHelper"] = Of(typeof(CsvHelper.CsvReader)),
            [".NET"] = Environment.Version.ToString(),
        };
    }
}
