using Microsoft.ML;
using Microsoft.ML.Data;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// One label's model: a linear model, a FastTree model, or both stacked; Platt scaling fitted on out-of-fold
/// scores; and a decision threshold chosen on those out-of-fold probabilities (never on data that is reported).
/// </summary>
internal sealed class LabelModel
{
    public LabelModel(string label, PipelineKind kind, LinearModel? linear, TreeModel? tree, PlattScaling calibration, double threshold)
    {
        Label = label;
        Kind = kind;
        Linear = linear;
        Tree = tree;
        Calibration = calibration;
        Threshold = threshold;
    }

    public string Label { get; }

    public PipelineKind Kind { get; }

    public LinearModel? Linear { get; }

    public TreeModel? Tree { get; }

    public PlattScaling Calibration { get; }

    public double Threshold { get; }

    public static LabelModel Train(MLContext ml, string label, IReadOnlyList<FeaturizedRow> rows, IReadOnlyList<bool> y,
        IReadOnlyList<string> groups, TrainingOptions options, int featureCount)
    {
        var folds = GroupFolds.Assign(groups, options.InnerFolds);
        var foldCount = folds.Length == 0 ? 0 : folds.Max() + 1;
        var oof = new double[rows.Count];
        LinearModel? linear = null;
        TreeModel? tree = null;
        switch (options.Pipeline)
        {
            case PipelineKind.Linear:
                ForEachFold((train, test) =>
                {
                    var m = LinearModel.Fit(ml, Pick(rows, train), Pick(y, train), featureCount, options.L2);
                    foreach (var i in test)
                    {
                        oof[i] = m.Score(rows[i].Features);
                    }
                });
                linear = LinearModel.Fit(ml, rows, y, featureCount, options.L2);
                break;
            case PipelineKind.Stacked:
                var oofLinear = new double[rows.Count];
                ForEachFold((train, test) =>
                {
                    var m = LinearModel.Fit(ml, Pick(rows, train), Pick(y, train), featureCount, options.L2);
                    foreach (var i in test)
                    {
                        oofLinear[i] = m.Score(rows[i].Features);
                    }
                });
                var stacked = rows.Select((r, i) => StackedInput(r, oofLinear[i])).ToList();
                ForEachFold((train, test) =>
                {
                    var t = TreeModel.Fit(ml, Pick(stacked, train), Pick(y, train), options.Seed);
                    var scores = t.Score(Pick(stacked, test));
                    for (var k = 0; k < test.Count; k++)
                    {
                        oof[test[k]] = scores[k];
                    }
                });
                linear = LinearModel.Fit(ml, rows, y, featureCount, options.L2);
                tree = TreeModel.Fit(ml, stacked, y, options.Seed);
                break;
            case PipelineKind.FastTreeAll:
                var all = rows.Select(r => r.Features).ToList();
                ForEachFold((train, test) =>
                {
                    var t = TreeModel.Fit(ml, Pick(all, train), Pick(y, train), options.Seed);
                    var scores = t.Score(Pick(all, test));
                    for (var k = 0; k < test.Count; k++)
                    {
                        oof[test[k]] = scores[k];
                    }
                });
                tree = TreeModel.Fit(ml, all, y, options.Seed);
                break;
        }

        var calibration = PlattScaling.Fit(oof, y);
        var threshold = ThresholdSelector.MaximiseF1(oof.Select(calibration.Probability).ToList(), y);
        return new LabelModel(label, options.Pipeline, linear, tree, calibration, threshold);

        void ForEachFold(Action<List<int>, List<int>> body)
        {
            for (var f = 0; f < foldCount; f++)
            {
                var train = new List<int>();
                var test = new List<int>();
                for (var i = 0; i < folds.Length; i++)
                {
                    (folds[i] == f ? test : train).Add(i);
                }

                if (train.Count > 0 && test.Count > 0 && train.Select(i => y[i]).Distinct().Count() == 2)
                {
                    body(train, test);
                }
            }
        }
    }

    /// <summary>Calibrated probabilities for a batch.</summary>
    public double[] Probabilities(IReadOnlyList<FeaturizedRow> rows) => RawScores(rows).Select(Calibration.Probability).ToArray();

    public double[] RawScores(IReadOnlyList<FeaturizedRow> rows) => Kind switch
    {
        PipelineKind.Linear => rows.Select(r => Linear!.Score(r.Features)).ToArray(),
        PipelineKind.Stacked => Tree!.Score(rows.Select(r => StackedInput(r, Linear!.Score(r.Features))).ToList()),
        _ => Tree!.Score(rows.Select(r => r.Features).ToList()),
    };

    private static VBuffer<float> StackedInput(FeaturizedRow row, double linearScore)
    {
        var values = new float[row.Cues.Length + 1];
        row.Cues.CopyTo(values, 0);
        values[^1] = (float)linearScore;
        return new VBuffer<float>(values.Length, values);
    }

    private static List<T> Pick<T>(IReadOnlyList<T> items, List<int> indices) => indices.Select(i => items[i]).ToList();
}
