using Microsoft.ML;
using Microsoft.ML.Data;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// Trains every label's model and the kind model on shared features. Inner instrument-grouped folds give
/// out-of-fold scores, used to train the stacked trees, to calibrate, and to choose thresholds.
/// </summary>
internal static class EnsembleTrainer
{
    public static (List<LabelModel> Labels, KindModel? Kinds, KindInContext? KindsInContext) Train(MLContext ml, IReadOnlyList<FeaturizedRow> rows,
        IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<bool>> truth, IReadOnlyList<string> groups, IReadOnlyList<string?> kinds,
        IReadOnlyList<int> documents, TrainingOptions options, int featureCount, IReadOnlyList<int> treeCues, IReadOnlySet<int>? naiveBayesLeftOut, CancellationToken cancellationToken)
    {
        var folds = GroupFolds.Assign(groups, options.InnerFolds);
        var foldCount = folds.Length == 0 ? 0 : folds.Max() + 1;
        var useKinds = options.TrainKindModel && kinds.Where(k => k is not null).Distinct().Count() >= 2;
        KindModel? FitKinds(List<int> subset)
        {
            var withKind = subset.Where(i => kinds[i] is not null).ToList();
            return withKind.Select(i => kinds[i]).Distinct().Count() >= 2
                ? KindModel.Fit(ml, Pick(rows, withKind), withKind.Select(i => kinds[i]!).ToList(), featureCount)
                : null;
        }

        var all = Enumerable.Range(0, rows.Count).ToList();
        // The stacked pipeline's trees read the cues themselves; its linear models may be left to the n-grams.
        var linearRows = options.Pipeline == PipelineKind.Stacked && !options.LinearCueFeatures
            ? rows.Select(r => r with { Features = WithoutSlotsFrom(r.Features, featureCount - treeCues.Count) }).ToList()
            : rows;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var finalKinds = useKinds ? FitKinds(all) : null;
        Trace($"kind model {clock.ElapsedMilliseconds} ms");
        var oof = labels.Select(_ => new double[rows.Count]).ToArray();
        List<LinearModel> finalLinear = [];
        VBuffer<float>[]? stacked = null;
        float[]?[]? oofKindsUsed = null;
        double[][]? oofLinearScores = null;
        KindInContext? kindsInContext = null;

        if (options.Pipeline is PipelineKind.Linear or PipelineKind.Stacked)
        {
            var oofLinear = labels.Select(_ => new double[rows.Count]).ToArray();
            var oofKinds = new float[rows.Count][];
            var kindCount = finalKinds?.Predict([rows[0]])[0].All.Length ?? 0;
            ForEachFold(folds, foldCount, (train, test) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var l = 0; l < labels.Count; l++)
                {
                    if (!HasBothClasses(truth[l], train))
                    {
                        continue;
                    }

                    var m = LinearModel.Fit(ml, Pick(linearRows, train), Pick(truth[l], train), featureCount, options.L2, naiveBayesLeftOut);
                    foreach (var i in test)
                    {
                        oofLinear[l][i] = m.Score(rows[i].Features);
                    }
                }

                if (finalKinds is not null && options.Pipeline == PipelineKind.Stacked)
                {
                    var k = FitKinds(train);
                    var predicted = k?.Predict(Pick(rows, test));
                    for (var t = 0; t < test.Count; t++)
                    {
                        // A fold whose training part lacks some kinds falls back to a uniform distribution.
                        oofKinds[test[t]] = predicted is not null && predicted[t].All.Length == kindCount
                            ? predicted[t].All
                            : Enumerable.Repeat(1f / kindCount, kindCount).ToArray();
                    }
                }
            });

            Trace($"out-of-fold linear and kind models {clock.ElapsedMilliseconds} ms");
            finalLinear = labels.Select((_, l) => LinearModel.Fit(ml, linearRows, truth[l], featureCount, options.L2, naiveBayesLeftOut)).ToList();
            Trace($"final linear models {clock.ElapsedMilliseconds} ms");
            if (options.Pipeline == PipelineKind.Linear)
            {
                oof = oofLinear;
            }
            else
            {
                oofLinearScores = oofLinear;
                // Neighbours are in the same instrument, so in the same inner fold: their out-of-fold outputs come from
                // one model, as they do when a document is scored.
                stacked = StackingInputs.For(rows, treeCues, oofLinear, finalKinds is null ? null : oofKinds, documents, options.EffectiveReach).ToArray();
                oofKindsUsed = oofKinds;
                kindsInContext = finalKinds is not null && options.ContextWindow > 0
                    ? KindInContext.Fit(ml, oofKinds, finalKinds.Kinds, kinds, documents, folds, options.ContextWindow)
                    : null;
            }
        }

        if (options.Pipeline == PipelineKind.CueRules)
        {
            for (var l = 0; l < labels.Count; l++)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    oof[l][i] = LabelModel.RuleScore(labels[l], rows[i]);
                }
            }
        }

        var trees = new TreeModel?[labels.Count];
        int[]? treeSlots = null;
        if (options.Pipeline is PipelineKind.Stacked or PipelineKind.FastTree)
        {
            treeSlots = stacked is null ? FeatureSelection.MostFrequent(rows, featureCount, treeCues.Count) : null;
            var inputs = stacked ?? rows.Select(r => FeatureSelection.Project(r.Features, treeSlots!)).ToArray();
            for (var l = 0; l < labels.Count; l++)
            {
                var label = l;
                ForEachFold(folds, foldCount, (train, test) =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!HasBothClasses(truth[label], train))
                    {
                        return;
                    }

                    var t = TreeModel.Fit(ml, Pick(inputs, train), Pick(truth[label], train), options.Seed, options.Trees, options.Leaves, options.MinimumLeafSize);
                    var scores = t.Score(Pick(inputs, test));
                    for (var k = 0; k < test.Count; k++)
                    {
                        oof[label][test[k]] = scores[k];
                    }
                });
                trees[l] = TreeModel.Fit(ml, inputs, truth[l], options.Seed, options.Trees, options.Leaves, options.MinimumLeafSize);
            }
        }

        Trace($"trees {clock.ElapsedMilliseconds} ms");
        var models = new List<LabelModel>();
        var kindNames = finalKinds?.Kinds ?? [];
        var kindInputs = stacked is not null && finalKinds is not null ? oofKindsUsed! : rows.Select(_ => (float[]?)null).ToArray();
        for (var l = 0; l < labels.Count; l++)
        {
            var cues = rows.Select(r => r.Cues).ToList();
            var directions = options.Pipeline == PipelineKind.CueRules ? new Dictionary<string, int>() : CueDirections.For(labels[l]);
            var linear = oofLinearScores?[l];
            var output = OutputLayer.Fit(oof[l], cues, truth[l], directions, kindNames, kindInputs, linear);
            var threshold = ThresholdSelector.MaximiseF1(
                oof[l].Select((s, i) => output.Probability(s, cues[i], kindNames, kindInputs[i], linear?[i] ?? 0)).ToList(), truth[l]);
            models.Add(new LabelModel(labels[l], options.Pipeline, finalLinear.Count > 0 ? finalLinear[l] : null, trees[l], output, threshold, treeSlots));
        }

        return (models, finalKinds, kindsInContext);
    }

    private static void Trace(string message)
    {
        if (Environment.GetEnvironmentVariable("PROVISIONRISK_TRACE") == "1")
        {
            Console.Error.WriteLine("trace: " + message);
        }
    }

    private static bool HasBothClasses(IReadOnlyList<bool> y, List<int> subset) => subset.Any(i => y[i]) && subset.Any(i => !y[i]);

    private static void ForEachFold(int[] folds, int foldCount, Action<List<int>, List<int>> body)
    {
        for (var f = 0; f < foldCount; f++)
        {
            var train = new List<int>();
            var test = new List<int>();
            for (var i = 0; i < folds.Length; i++)
            {
                (folds[i] == f ? test : train).Add(i);
            }

            if (train.Count > 0 && test.Count > 0)
            {
                body(train, test);
            }
        }
    }

    private static List<T> Pick<T>(IReadOnlyList<T> items, List<int> indices) => indices.Select(i => items[i]).ToList();

    /// <summary>A sparse feature vector without its slots from <paramref name="first"/> on (a model fitted on such vectors
    /// has weight 0 there, so it scores full vectors the same).</summary>
    private static VBuffer<float> WithoutSlotsFrom(VBuffer<float> features, int first)
    {
        var values = features.GetValues();
        var indices = features.GetIndices();
        if (features.IsDense)
        {
            var dense = values.ToArray();
            Array.Clear(dense, first, dense.Length - first);
            return new VBuffer<float>(features.Length, dense);
        }

        var count = 0;
        while (count < indices.Length && indices[count] < first)
        {
            count++;
        }

        return new VBuffer<float>(features.Length, count, values[..count].ToArray(), indices[..count].ToArray());
    }
}
