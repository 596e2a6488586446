using Microsoft.ML;
using Microsoft.ML.Data;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// The kind of a provision read with its neighbours: a second maximum-entropy model over the kind model's
/// probabilities for the provision and the mean probabilities of its neighbours at each distance
/// (<see cref="DocumentContext"/>). Sub-paragraphs of one power, the definitions of one article and the offences of
/// one part sit together, so the neighbours tell what a short or ambiguous provision is. A provision without
/// neighbours keeps the kind model's own prediction, and the model is kept only if it reads kinds better than the kind
/// model on instrument-grouped held-out folds of the training data.
/// </summary>
internal sealed class KindInContext
{
    private readonly KindModel model;

    private KindInContext(KindModel model, int window)
    {
        this.model = model;
        Window = window;
    }

    /// <summary>Gets how many neighbours on each side are read.</summary>
    public int Window { get; }

    /// <summary>Fits the model on out-of-fold kind probabilities of labelled provisions, if it reads kinds better than
    /// the kind model alone on held-out folds; else (or when too few provisions have a labelled kind and a neighbour)
    /// null, and every provision keeps the kind model's prediction.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="kindProbabilities">Each provision's out-of-fold kind probabilities, in document order.</param>
    /// <param name="kindNames">The kinds, in the order of the probabilities.</param>
    /// <param name="kinds">Each provision's labelled kind, if any.</param>
    /// <param name="documents">Each provision's document (<see cref="DocumentContext.Number"/>).</param>
    /// <param name="folds">Each provision's instrument-grouped fold.</param>
    /// <param name="window">How many neighbours on each side (at least 1).</param>
    public static KindInContext? Fit(MLContext ml, IReadOnlyList<float[]> kindProbabilities, IReadOnlyList<string> kindNames,
        IReadOnlyList<string?> kinds, IReadOnlyList<int> documents, IReadOnlyList<int> folds, int window)
    {
        var inputs = Inputs(kindProbabilities, documents, window);
        var usable = Enumerable.Range(0, inputs.Count).Where(i => kinds[i] is not null && DocumentContext.HasNeighbour(documents, i)).ToList();
        if (usable.Select(i => kinds[i]).Distinct().Count() < 2)
        {
            return null;
        }

        var width = inputs[0].Features.Length;
        KindModel FitOn(List<int> subset) => KindModel.Fit(ml, subset.Select(i => inputs[i]).ToList(), subset.Select(i => kinds[i]!).ToList(), width);

        // Held-out folds decide: on little data the second model can read kinds worse than the first.
        int readAlone = 0, readInContext = 0;
        foreach (var fold in usable.Select(i => folds[i]).Distinct())
        {
            var train = usable.Where(i => folds[i] != fold).ToList();
            var test = usable.Where(i => folds[i] == fold).ToList();
            if (train.Select(i => kinds[i]).Distinct().Count() < 2)
            {
                return null;
            }

            var predicted = FitOn(train).Predict(test.Select(i => inputs[i]).ToList());
            readInContext += test.Where((i, k) => predicted[k].Kind == kinds[i]).Count();
            readAlone += test.Count(i => kindNames[KindModel.MostProbable(kindProbabilities[i])] == kinds[i]);
        }

        return readInContext > readAlone ? new KindInContext(FitOn(usable), window) : null;
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The content is not a kind model of this format, or does not fit.</exception>
    public static KindInContext Load(Stream stream, IReadOnlyList<string> kinds, int window) =>
        new(KindModel.Load(stream, kinds, kinds.Count * (1 + window)), window);

    public void Save(Stream stream) => model.Save(stream);

    /// <summary>The kinds of a sequence of provisions: read with their neighbours where they have any, else as the kind
    /// model predicted them alone.</summary>
    /// <param name="alone">The kind model's predictions, in document order.</param>
    /// <param name="documents">Each provision's document; null reads every provision alone.</param>
    public (string Kind, double Probability, float[] All)[] Predict(IReadOnlyList<(string Kind, double Probability, float[] All)> alone,
        IReadOnlyList<int>? documents)
    {
        var result = alone.ToArray();
        if (documents is null)
        {
            return result;
        }

        var inputs = Inputs(alone.Select(k => k.All).ToList(), documents, Window);
        var withNeighbours = Enumerable.Range(0, alone.Count).Where(i => DocumentContext.HasNeighbour(documents, i)).ToList();
        var read = model.Predict(withNeighbours.Select(i => inputs[i]).ToList());
        for (var k = 0; k < withNeighbours.Count; k++)
        {
            result[withNeighbours[k]] = read[k];
        }

        return result;
    }

    private static List<FeaturizedRow> Inputs(IReadOnlyList<float[]> kindProbabilities, IReadOnlyList<int> documents, int window)
    {
        var context = DocumentContext.Of(kindProbabilities, documents, window);
        return kindProbabilities.Select((p, i) =>
        {
            var values = new float[p.Length + context[i].Length];
            p.CopyTo(values, 0);
            context[i].CopyTo(values, p.Length);
            return new FeaturizedRow(new VBuffer<float>(values.Length, values), []);
        }).ToList();
    }
}
