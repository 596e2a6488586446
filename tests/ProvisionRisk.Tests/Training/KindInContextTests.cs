using Microsoft.ML;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Training;

public sealed class KindInContextTests
{
    /// <summary>Documents whose provisions come in runs of one kind; the kind model's own probabilities are right for
    /// three provisions in four and confidently wrong for the rest, so the neighbours tell the kind.</summary>
    internal static (List<float[]> Probabilities, List<string?> Kinds, int[] Documents, int[] Folds) Runs(IReadOnlyList<string> names, int seed)
    {
        var random = new Random(seed);
        var probabilities = new List<float[]>();
        var kinds = new List<string?>();
        var documents = new List<int>();
        var folds = new List<int>();
        for (var d = 0; d < 20; d++)
        {
            for (var run = 0; run < 8; run++)
            {
                var kind = random.Next(names.Count);
                for (var k = 0; k < 6; k++)
                {
                    var seen = random.NextDouble() < 0.75 ? kind : random.Next(names.Count);
                    var p = Enumerable.Repeat(0.2f / (names.Count - 1), names.Count).ToArray();
                    p[seen] = 0.8f;
                    probabilities.Add(p);
                    kinds.Add(names[kind]);
                    documents.Add(d);
                    folds.Add(d % 4);
                }
            }
        }

        return (probabilities, kinds, [.. documents], [.. folds]);
    }

    private static readonly string[] Names = ["criminalisation", "definition", "procedural-power"];

    [Fact]
    public void Reads_kinds_better_with_the_neighbours_when_they_tell_the_kind()
    {
        var (p, kinds, documents, folds) = Runs(Names, 1);
        var model = KindInContext.Fit(new MLContext(1), p, Names, kinds, documents, folds, 2);
        Assert.NotNull(model);

        var (test, truth, testDocuments, _) = Runs(Names, 2);
        var alone = test.Select(x => (Names[Array.IndexOf(x, x.Max())], (double)x.Max(), x)).ToList();
        var read = model.Predict(alone, testDocuments);
        var rightAlone = alone.Where((a, i) => a.Item1 == truth[i]).Count();
        var rightInContext = read.Where((r, i) => r.Kind == truth[i]).Count();
        Assert.True(rightInContext > rightAlone + (test.Count / 20), $"{rightInContext} vs {rightAlone} of {test.Count}");

        // Read alone (no documents, or a provision without neighbours), the kind model's own prediction stands.
        Assert.Equal(alone.Select(a => a.Item1), model.Predict(alone, null).Select(r => r.Kind));
        var isolated = Enumerable.Range(0, alone.Count).ToArray();
        Assert.Equal(alone.Select(a => a.Item1), model.Predict(alone, isolated).Select(r => r.Kind));

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = KindInContext.Load(stream, Names, 2);
        Assert.Equal(read.Select(r => (r.Kind, r.Probability)), loaded.Predict(alone, testDocuments).Select(r => (r.Kind, r.Probability)));
    }

    [Fact]
    public void Is_not_fitted_when_the_neighbours_do_not_tell_the_kind()
    {
        // Every provision of its own kind at random, and the kind model always right: context can only add noise.
        var random = new Random(3);
        var kinds = Enumerable.Range(0, 600).Select(_ => Names[random.Next(Names.Length)]).ToList();
        var p = kinds.Select(k => Names.Select(n => n == k ? 0.9f : 0.05f).ToArray()).ToList();
        var documents = Enumerable.Range(0, 600).Select(i => i / 30).ToArray();
        var folds = documents.Select(d => d % 4).ToArray();
        Assert.Null(KindInContext.Fit(new MLContext(1), p, Names, kinds!, documents, folds, 2));
    }
}
