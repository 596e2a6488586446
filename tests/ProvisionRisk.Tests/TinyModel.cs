using ProvisionRisk.Scoring;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests;

/// <summary>A small model trained once per test run on six instruments of the training data (a few seconds).</summary>
internal static class TinyModel
{
    public static readonly string[] Sources =
        ["budapest-ets185", "budapest-protocol1-ets189", "malabo-2014", "qatar-cybercrime-law-14-2014", "rwanda-cybercrimes-law-60-2018", "us-cfaa-18usc1030"];

    public static readonly TrainingOptions Options = new() { Seed = 7, InnerFolds = 3 };

    private static readonly Lazy<LabelledDataset> DataValue = new(() =>
        LabelledDataset.Load(Sources.Select(s => Path.Combine(RepoPaths.TrainingData, s + ".csv")), ["overbreadth", "missing_safeguards"]));

    private static readonly Lazy<RiskModel> ModelValue = new(() => RiskTrainer.Train(Data, Options));

    private static readonly Lazy<string> FileValue = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "provisionrisk-tiny-" + Environment.ProcessId + ".model");
        Model.Save(path);
        return path;
    });

    public static LabelledDataset Data => DataValue.Value;

    public static RiskModel Model => ModelValue.Value;

    /// <summary>How many neighbours on each side a scoring batch carries for the tiny model: its context or region
    /// window, whichever is wider.</summary>
    public static int Reach => Math.Max(Model.Manifest.ContextWindow, Model.Manifest.RegionWindow);

    /// <summary>The tiny model saved to a file (for CLI tests).</summary>
    public static string File => FileValue.Value;
}
