using Microsoft.ML;
using Microsoft.ML.Data;
using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// The kind of a provision read with its neighbours: a second maximum-entropy model over the kind model's
/// probabilities for the provision and the mean probabilities of its neighbours at each distance
/// (<see cref="DocumentContext"/>). Sub-paragraphs of one power, the definitions of one article and the offences of
/// one part sit together, so the neighbours tell what a short or ambiguous provision is. A provision without
/// neighbours keeps the kind model's own prediction.
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

    /// <summary>Fits the model on out-of-fold kind probabilities of labelled provisions; null when no provision has both
    /// a labelled kind and a neighbour, or fewer than two kinds are labelled.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="kindProbabilities">Each provision's out-of-fold kind probabilities, in document order.</param>
    /// <param name="kinds">Each provision's labelled kind, if any.</param>
    /// <param name="documents">Each provision's document (<see cref="DocumentContext.Number"/>).</param>
    /// <param name="window">How many neighbours on each side (at least 1).</param>
    public static KindInContext? Fit(MLContext ml, IReadOnlyList<float[]> kindProbabilities, IReadOnlyList<string?> kinds,
        IReadOnlyList<int> documents, int window)
    {
        var inputs = Inputs(kindProbabilities, documents, window);
        var usable = Enumerable.Range(0, inputs.Count).Where(i => kinds[i] is not null && HasNeighbour(documents, i)).ToList();
        if (usable.Select(i => kinds[i]).Distinct().Count() < 2)
        {
            return null;
        }

        var width = inputs[0].Features.Length;
        return new KindInContext(KindModel.Fit(ml, usable.Select(i => inputs[i]).ToList(), usable.Select(i => kinds[i]!).ToList(), width), window);
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
        var withNeighbours = Enumerable.Range(0, alone.Count).Where(i => HasNeighbour(documents, i)).ToList();
        var read = model.Predict(withNeighbours.Select(i => inputs[i]).ToList());
        for (var k = 0; k < withNeighbours.Count; k++)
        {
            result[withNeighbours[k]] = read[k];
        }

        return result;
    }

    private static bool HasNeighbour(IReadOnlyList<int> documents, int i) =>
        (i > 0 && documents[i - 1] == documents[i]) || (i + 1 < documents.Count && documents[i + 1] == documents[i]);

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
