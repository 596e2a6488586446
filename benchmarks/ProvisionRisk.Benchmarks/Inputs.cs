using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;
using ProvisionRisk.Training;

namespace ProvisionRisk.Benchmarks;

/// <summary>The inputs shared by the benchmarks: the model under test and real provisions to score.</summary>
public static class Inputs
{
    /// <summary>The environment variable that, set to 1, shrinks the slow inputs for a smoke run.</summary>
    public const string QuickVariable = "PROVISIONRISK_BENCH_QUICK";

    /// <summary>The training files used by a quick run: four instruments of about 550 provisions in all.</summary>
    private static readonly string[] QuickTrainingFiles =
    [
        "budapest-ets185.csv", "pakistan-ifta-2013.csv", "qatar-cybercrime-law-14-2014.csv", "tanzania-cybercrimes-act-2015.csv",
    ];

    /// <summary>Gets a value indicating whether this is a smoke run with small inputs.</summary>
    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    /// <summary>The model under test: the bundle named by <c>PROVISIONRISK_MODEL</c>, else <see cref="RiskModel.Default"/>.</summary>
    /// <returns>The model.</returns>
    public static RiskModel Model() => Repository.ModelOverride is { } path ? RiskModel.Load(path) : RiskModel.Default;

    /// <summary>The labelled provisions of <c>training-data/</c> (a four-instrument subset in a quick run).</summary>
    /// <returns>The dataset.</returns>
    public static LabelledDataset TrainingData() =>
        Quick
            ? LabelledDataset.Load(QuickTrainingFiles.Select(f => Path.Combine(Repository.TrainingData, f)))
            : LabelledDataset.Load([Repository.TrainingData]);

    /// <summary>The texts of every labelled provision in <c>training-data/</c>, in file and row order.</summary>
    /// <returns>The texts.</returns>
    public static IReadOnlyList<string> ProvisionTexts() =>
        LabelledDataset.Load([Repository.TrainingData]).Rows.Select(r => r.Text).ToList();

    /// <summary><paramref name="count"/> provisions: the labelled provisions' texts repeated in order, each with its own
    /// reference (as a table of provisions gives them).</summary>
    /// <param name="count">How many.</param>
    /// <returns>The provisions.</returns>
    public static Provision[] Provisions(int count)
    {
        var texts = ProvisionTexts();
        return Enumerable.Range(0, count).Select(i => Provision(texts, i)).ToArray();
    }

    /// <summary>The <paramref name="index"/>th provision of an endless sequence cycling through <paramref name="texts"/>.</summary>
    /// <param name="texts">The texts to cycle through.</param>
    /// <param name="index">The position in the sequence.</param>
    /// <returns>The provision.</returns>
    public static Provision Provision(IReadOnlyList<string> texts, long index)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var text = texts[(int)(index % texts.Count)];
        return new Provision("benchmark", "p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, text, 0, text.Length,
            (int)Math.Min(index + 1, int.MaxValue));
    }
}
