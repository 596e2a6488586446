using System.Runtime.CompilerServices;
using ProvisionRisk.Documents;
using ProvisionRisk.Features;
using ProvisionRisk.Precedents;
using ProvisionRisk.Training;

namespace ProvisionRisk.Scoring;

/// <summary>
/// A trained model that scores provisions for each of its labels (by default <c>overbreadth</c> and
/// <c>missing_safeguards</c>) with calibrated probabilities, decisions and evidence, and predicts the kind of
/// provision. <see cref="Default"/> is the model shipped inside the package; <see cref="Load(string)"/> reads a
/// retrained one. A model is immutable and safe to share across threads: scoring featurizes and evaluates each
/// provision with the model's own arrays, without ML.NET pipelines or shared buffers.
/// </summary>
/// <remarks>
/// A bundle records the SHA-256 of each of its parts, checked before any part is read, so a damaged file is refused
/// with an <see cref="InvalidModelException"/>; each part's reader also checks its sizes and indices. Still, load
/// model files only from sources you trust: a model decides what your scores say.
/// </remarks>
public sealed class RiskModel
{
    /// <summary>The name of the default model embedded in the assembly.</summary>
    internal const string DefaultResourceName = "ProvisionRisk.default.model";

    private static readonly Lazy<RiskModel> DefaultModel = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TextFeaturizer featurizer;
    private readonly IReadOnlyList<LabelModel> labelModels;
    private readonly KindModel? kindModel;
    private readonly KindInContext? kindsInContext;
    private readonly EvidenceBuilder evidence;
    private readonly Lazy<PrecedentIndex> precedents;
    private readonly Lazy<LabelledDataset> trainingData;

    internal RiskModel(TextFeaturizer featurizer, IReadOnlyList<LabelModel> labelModels, KindModel? kindModel, KindInContext? kindsInContext,
        ModelManifest manifest, LabelledDataset trainingData)
        : this(featurizer, labelModels, kindModel, kindsInContext, manifest, () => trainingData)
    {
    }

    /// <summary>A model whose training data is read on first use (scoring does not need it).</summary>
    internal RiskModel(TextFeaturizer featurizer, IReadOnlyList<LabelModel> labelModels, KindModel? kindModel, KindInContext? kindsInContext,
        ModelManifest manifest, Func<LabelledDataset> trainingData)
    {
        this.kindsInContext = kindsInContext;
        this.featurizer = featurizer;
        this.labelModels = labelModels;
        this.kindModel = kindModel;
        Manifest = manifest;
        this.trainingData = new Lazy<LabelledDataset>(trainingData, LazyThreadSafetyMode.ExecutionAndPublication);
        evidence = new EvidenceBuilder(featurizer.SlotNames, featurizer.FeatureCues);
        precedents = new Lazy<PrecedentIndex>(() => new PrecedentIndex(TrainingData), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the default model shipped inside the package (loaded once, on first use).</summary>
    /// <exception cref="InvalidModelException">The package was built without a default model.</exception>
    public static RiskModel Default => DefaultModel.Value;

    /// <summary>Gets the model's manifest: labels, thresholds, metrics, training-data hash, seed and versions.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Gets the label names, in model order.</summary>
    public IReadOnlyList<string> Labels => Manifest.Labels;

    /// <summary>Gets the labelled provisions the model was trained on (for precedents, and to retrain on top of them).</summary>
    /// <exception cref="InvalidModelException">The training data inside the bundle is damaged (it is read on first use).</exception>
    public LabelledDataset TrainingData => trainingData.Value;

    /// <summary>Gets the index of the model's labelled training provisions, to find a provision's nearest precedents
    /// (built on first use, once, thread-safely).</summary>
    public PrecedentIndex Precedents => precedents.Value;

    internal TextFeaturizer Featurizer => featurizer;

    internal IReadOnlyList<LabelModel> LabelModels => labelModels;

    internal KindModel? KindModel => kindModel;

    /// <summary>Gets the model of the kind of a provision read with its neighbours, if the model reads context.</summary>
    internal KindInContext? KindsInContext => kindsInContext;

    /// <summary>Loads a model bundle from a file.</summary>
    /// <param name="path">The bundle's path.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidModelException">The file is missing, unreadable, truncated or damaged, not a ProvisionRisk
    /// model, or of a newer format; the message says which.</exception>
    public static RiskModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidModelException($"{path}: cannot open the model file: {e.Message}", e);
        }

        using (stream)
        {
            return ModelBundle.Read(stream, path);
        }
    }

    /// <summary>Loads a model bundle from a stream.</summary>
    /// <param name="stream">The bundle's content.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidModelException">The content is not a readable ProvisionRisk model of a supported format.</exception>
    public static RiskModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ModelBundle.Read(stream, "model stream");
    }

    /// <summary>Writes the model bundle to a file atomically: a temporary file in the same folder, then a rename,
    /// so an existing model is replaced only by a complete one.</summary>
    /// <param name="path">The destination.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, Save);
    }

    /// <summary>Writes the model bundle to a stream.</summary>
    /// <param name="stream">The destination; it is left open.</param>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelBundle.Write(this, stream);
    }

    /// <summary>Scores one provision's text, read alone.</summary>
    /// <param name="text">The provision's text.</param>
    /// <param name="options">Scoring options; null for the defaults.</param>
    /// <returns>The scores.</returns>
    public ProvisionScore Score(string text, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ScoringOptions.Default;
        options.Validate();
        return ScoreBatch(new ScoringWindow<(string, Provision?)>([(text, null)], 0, 1), options)[0];
    }

    /// <summary>Scores many texts, in batches; each text is read alone (to read provisions with their neighbours, score
    /// <see cref="Provision"/>s or a <see cref="SegmentedDocument"/>).</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="options">Scoring options; null for the defaults.</param>
    /// <returns>The scores, in input order.</returns>
    public IReadOnlyList<ProvisionScore> Score(IEnumerable<string> texts, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return ScoreStream(texts.Select(t => (t, (Provision?)null)), options).ToList();
    }

    /// <summary>Scores provisions, in batches. Consecutive provisions of one <see cref="Provision.Document"/> are read
    /// in context: the model also reads what it makes of the <see cref="ModelManifest.ContextWindow"/> provisions before
    /// and after each one, and its mean over the <see cref="ModelManifest.RegionWindow"/> provisions around it, so pass a
    /// document's provisions in document order.</summary>
    /// <param name="provisions">The provisions.</param>
    /// <param name="options">Scoring options; null for the defaults.</param>
    /// <returns>The scores, in input order.</returns>
    public IReadOnlyList<ProvisionScore> Score(IEnumerable<Provision> provisions, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(provisions);
        return ScoreStream(provisions, options).ToList();
    }

    /// <summary>Scores provisions lazily, one batch at a time, so memory stays bounded by the batch size. Consecutive
    /// provisions of one document are read in context, as by <see cref="Score(IEnumerable{Provision}, ScoringOptions?)"/>.</summary>
    /// <param name="provisions">The provisions.</param>
    /// <param name="options">Scoring options; null for the defaults.</param>
    /// <returns>The scores, in input order.</returns>
    public IEnumerable<ProvisionScore> ScoreStream(IEnumerable<Provision> provisions, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(provisions);
        return ScoreStream(provisions.Select(p => (p.Text, (Provision?)p)), options);
    }

    /// <summary>
    /// Scores provisions as they arrive from an asynchronous source, in batches of <see cref="ScoringOptions.BatchSize"/>,
    /// so a large collection is never held in memory at once. Consecutive provisions of one document are read in context,
    /// as by <see cref="Score(IEnumerable{Provision}, ScoringOptions?)"/>. A batch is scored when it is full, and the
    /// provisions after it that its last ones are read with have arrived, or when the source ends;
    /// scoring is CPU-bound and runs on the thread that enumerates.
    /// </summary>
    /// <param name="provisions">The provisions.</param>
    /// <param name="options">Scoring options; null for the defaults.</param>
    /// <param name="cancellationToken">Stops reading and scoring; checked before each batch and each score returned.</param>
    /// <returns>The scores, in input order.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">Enumeration was cancelled.</exception>
    public IAsyncEnumerable<ProvisionScore> ScoreAsync(IAsyncEnumerable<Provision> provisions, ScoringOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provisions);
        options ??= ScoringOptions.Default;
        options.Validate();
        return ScoreBatchesAsync(provisions, options, cancellationToken);
    }

    /// <summary>Segments nothing: scores every provision of an already segmented document, each read in context.</summary>
    /// <param name="document">The document.</param>
    /// <param name="options">Scoring options; null for the defaults.</param>
    /// <returns>The scores, in document order.</returns>
    public IReadOnlyList<ProvisionScore> Score(SegmentedDocument document, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Score(document.Provisions, options);
    }

    /// <summary>Checks whether the model's scores are likely to mean something for <paramref name="texts"/>: that they
    /// are English and not far from the labelled provisions the model was trained on (an even sample of at most 200
    /// texts is examined).</summary>
    /// <param name="texts">The texts to be scored, for example a document's provisions.</param>
    /// <returns>The measures and any warnings.</returns>
    public Suitability CheckSuitability(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return SuitabilityCheck.Check(this, texts as IReadOnlyList<string> ?? texts.ToList());
    }

    private static RiskModel LoadDefault()
    {
        using var stream = typeof(RiskModel).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidModelException("This build of ProvisionRisk has no default model embedded; load one with RiskModel.Load(path).");
        return ModelBundle.Read(stream, "default model");
    }

    private IEnumerable<ProvisionScore> ScoreStream(IEnumerable<(string Text, Provision? Provision)> items, ScoringOptions? options)
    {
        options ??= ScoringOptions.Default;
        options.Validate();
        if (options.MaxDegreeOfParallelism == 1)
        {
            foreach (var batch in ScoringWindows<(string, Provision?)>.Of(items, options.BatchSize, Margin(options)))
            {
                foreach (var score in ScoreBatch(batch, options))
                {
                    yield return score;
                }
            }

            yield break;
        }

        // Keep up to two batches per thread in flight on a scheduler that runs at most MaxDegreeOfParallelism of them at
        // once, and return them in input order: the threads never wait for the reader, and memory stays bounded by
        // 2 × MaxDegreeOfParallelism × BatchSize (plus the neighbours each batch is read with) whatever the input's
        // length. The input is read on this thread only.
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, options.MaxDegreeOfParallelism).ConcurrentScheduler;
        var window = 2 * options.MaxDegreeOfParallelism;
        var pending = new Queue<Task<List<ProvisionScore>>>(window);
        using var chunks = ScoringWindows<(string, Provision?)>.Of(items, options.BatchSize, Margin(options)).GetEnumerator();
        try
        {
            while (true)
            {
                while (pending.Count < window && chunks.MoveNext())
                {
                    var chunk = chunks.Current;
                    pending.Enqueue(Task.Factory.StartNew(() => ScoreBatch(chunk, options), CancellationToken.None, TaskCreationOptions.None, scheduler));
                }

                if (pending.Count == 0)
                {
                    yield break;
                }

                foreach (var score in pending.Dequeue().GetAwaiter().GetResult())
                {
                    yield return score;
                }
            }
        }
        finally
        {
            // Stopped early (or failed): let the batches in flight finish before the caller moves on.
            foreach (var task in pending)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // The caller has already stopped; a later batch's failure is no longer theirs to see.
                }
            }
        }
    }

    private async IAsyncEnumerable<ProvisionScore> ScoreBatchesAsync(IAsyncEnumerable<Provision> provisions, ScoringOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var windows = new ScoringWindows<(string, Provision?)>(options.BatchSize, Margin(options));
        await foreach (var provision in provisions.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (windows.Add((provision.Text, provision)) is not { } window)
            {
                continue;
            }

            foreach (var score in ScoreBatch(window, options, cancellationToken))
            {
                yield return score;
            }
        }

        foreach (var window in windows.Finish())
        {
            foreach (var score in ScoreBatch(window, options, cancellationToken))
            {
                yield return score;
            }
        }
    }

    private IEnumerable<ProvisionScore> ScoreBatch(ScoringWindow<(string Text, Provision? Provision)> window, ScoringOptions options,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var score in ScoreBatch(window, options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return score;
        }
    }

    /// <summary>Scores a batch, reading its provisions with their neighbours in the window when the model uses context.</summary>
    private List<ProvisionScore> ScoreBatch(ScoringWindow<(string Text, Provision? Provision)> window, ScoringOptions options)
    {
        var items = window.Items;
        var texts = items.Select(i => i.Text ?? string.Empty).ToList();
        var documents = DocumentContext.Number(items.Select(i => options.ReadInContext ? i.Provision?.Document : null).ToList());
        var (rows, kinds, probabilities) = Predict(texts, documents);

        // Where provisions have neighbours, the kind is read in context, and the evidence says what the neighbours did
        // to each score (against the same provisions read alone).
        var hasNeighbours = Margin(options) > 0 && Enumerable.Range(0, documents.Length).Any(i => DocumentContext.HasNeighbour(documents, i));
        var reportedKinds = kinds is null || kindsInContext is null || !hasNeighbours ? kinds : kindsInContext.Predict(kinds, documents);
        var alone = options.IncludeEvidence && options.MaxEvidence > 0 && hasNeighbours
            ? RiskTrainer.Probabilities(rows, featurizer, labelModels, kindModel, kinds, null, Reach)
            : null;
        var variants = options.ScoreAlternatives ? Variants(items, window.First, window.Count) : [];
        var variantProbabilities = variants.Count > 0 ? PredictVariants(items, documents, variants) : [];
        var result = new List<ProvisionScore>(window.Count);
        for (var i = window.First; i < window.First + window.Count; i++)
        {
            var labels = new LabelScore[labelModels.Count];
            for (var l = 0; l < labelModels.Count; l++)
            {
                var model = labelModels[l];
                var threshold = Threshold(model, options);
                var p = probabilities[l][i];
                var why = options.IncludeEvidence
                    ? evidence.Explain(model.Linear, model.Output, rows[i], texts[i], options.MaxEvidence,
                        kindModel?.Kinds ?? [], model.Kind == PipelineKind.Stacked ? kinds?[i].All : null)
                    : [];
                if (alone is not null)
                {
                    why = EvidenceBuilder.WithContext(why, p, alone[l][i], options.MaxEvidence);
                }

                labels[l] = new LabelScore(model.Label, p, threshold, p >= threshold, why);
            }

            var score = new ProvisionScore(texts[i], items[i].Provision, reportedKinds?[i].Kind, reportedKinds?[i].Probability ?? 0, labels);
            result.Add(Enrich(score, i, variants, variantProbabilities, options));
        }

        return result;
    }

    private (List<FeaturizedRow> Rows, (string Kind, double Probability, float[] All)[]? Kinds, double[][] Probabilities) Predict(IReadOnlyList<string> texts,
        IReadOnlyList<int>? documents)
    {
        var rows = featurizer.Transform(texts);
        var kinds = kindModel?.Predict(rows);
        return (rows, kinds, RiskTrainer.Probabilities(rows, featurizer, labelModels, kindModel, kinds, documents, Reach));
    }

    /// <summary>Probabilities of the alternative readings, [label][variant]: each read with its provision's neighbours.</summary>
    private double[][] PredictVariants(IReadOnlyList<(string Text, Provision? Provision)> items, int[] documents,
        List<(int Item, int OpenText, int Alternative, string Reading, string Text)> variants)
    {
        var texts = new List<string>();
        var sequence = new List<int>();
        var positions = new int[variants.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            var item = variants[v].Item;
            for (var j = Math.Max(0, item - Reach.Margin); j <= Math.Min(items.Count - 1, item + Reach.Margin); j++)
            {
                if (documents[j] != documents[item])
                {
                    continue;
                }

                if (j == item)
                {
                    positions[v] = texts.Count;
                }

                texts.Add(j == item ? variants[v].Text : items[j].Text ?? string.Empty);
                sequence.Add(v);
            }
        }

        var probabilities = Predict(texts, sequence).Probabilities;
        return probabilities.Select(p => positions.Select(k => p[k]).ToArray()).ToArray();
    }

    /// <summary>How far around a provision the model reads.</summary>
    private ContextReach Reach => new(Manifest.ContextWindow, Manifest.RegionWindow);

    /// <summary>How many neighbours on each side a batch must carry to read its provisions as <paramref name="options"/> ask.</summary>
    private int Margin(ScoringOptions options) => options.ReadInContext ? Reach.Margin : 0;

    private static double Threshold(LabelModel model, ScoringOptions options) =>
        options.Thresholds.TryGetValue(model.Label, out var t) ? t : model.Threshold;

    /// <summary>Adds precedents, suggested flags and the scores of alternative readings to a score.</summary>
    private ProvisionScore Enrich(ProvisionScore score, int item, List<(int Item, int OpenText, int Alternative, string Reading, string Text)> variants,
        double[][] variantProbabilities, ScoringOptions options)
    {
        if (options.Precedents > 0)
        {
            var neighbours = Precedents.Find(score.Text, Math.Max(options.Precedents, 5));
            score = score with
            {
                Precedents = neighbours.Take(options.Precedents).ToList(),
                Flags = Precedents.SuggestFlags(score.Labels.Where(l => l.Flagged).Select(l => l.Label), neighbours),
            };
        }

        var alternatives = new List<AlternativeScore>();
        for (var v = 0; v < variants.Count; v++)
        {
            if (variants[v].Item != item)
            {
                continue;
            }

            var labels = labelModels.Select((m, l) =>
            {
                var p = variantProbabilities[l][v];
                var threshold = Threshold(m, options);
                return new LabelScore(m.Label, p, threshold, p >= threshold, []);
            }).ToList();
            alternatives.Add(new AlternativeScore(variants[v].OpenText, variants[v].Alternative, variants[v].Reading, variants[v].Text, labels));
        }

        return alternatives.Count == 0 ? score : score with { Alternatives = alternatives };
    }

    /// <summary>Every reading of every open text of the batch's provisions, each with the rest of the provision as drafted.</summary>
    private static List<(int Item, int OpenText, int Alternative, string Reading, string Text)> Variants(IReadOnlyList<(string Text, Provision? Provision)> items,
        int first, int count)
    {
        var result = new List<(int, int, int, string, string)>();
        for (var i = first; i < first + count; i++)
        {
            if (items[i].Provision is not { OpenText.Count: > 0 } p || !string.Equals(p.Text, items[i].Text, StringComparison.Ordinal))
            {
                continue;
            }

            for (var o = 0; o < p.OpenText.Count; o++)
            {
                for (var a = 0; a < p.OpenText[o].Alternatives.Count; a++)
                {
                    result.Add((i, o, a, p.OpenText[o].Alternatives[a], p.OpenText[o].Choose(p.Text, a)));
                }
            }
        }

        return result;
    }
}
