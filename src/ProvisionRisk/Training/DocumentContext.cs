namespace ProvisionRisk.Training;

/// <summary>
/// What a provision's neighbours say: for each distance d = 1 … window, the mean of the first-level outputs (every
/// label's linear score and the kind probabilities) of the provisions d places before and after it in the same
/// document. A provision without a neighbour at some distance (the start or end of a document, or a provision scored
/// alone) stands in for its own missing neighbours, so that a provision read alone gets its own outputs as context.
/// </summary>
/// <remarks>A sub-paragraph's siblings, the section around a definition and the powers next to a safeguard tell what
/// the provision is and how it is framed; the labeller reads them too (codebook: "read in context").</remarks>
internal static class DocumentContext
{
    /// <summary>The context vectors of a sequence of provisions.</summary>
    /// <param name="outputs">Each provision's first-level outputs, all of one length, in document order.</param>
    /// <param name="documents">Each provision's document; neighbours count only within one document. Null: every
    /// provision is read alone.</param>
    /// <param name="window">How many neighbours on each side; 0 gives empty vectors.</param>
    /// <returns>For each provision, <paramref name="window"/> means of its outputs' length, concatenated.</returns>
    public static float[][] Of(IReadOnlyList<float[]> outputs, IReadOnlyList<int>? documents, int window)
    {
        var result = new float[outputs.Count][];
        for (var i = 0; i < outputs.Count; i++)
        {
            var width = outputs[i].Length;
            var context = new float[width * window];
            for (var d = 1; d <= window; d++)
            {
                var offset = (d - 1) * width;
                var count = 0;
                foreach (var j in (ReadOnlySpan<int>)[i - d, i + d])
                {
                    if (j < 0 || j >= outputs.Count || documents is null || documents[j] != documents[i])
                    {
                        continue;
                    }

                    count++;
                    for (var k = 0; k < width; k++)
                    {
                        context[offset + k] += outputs[j][k];
                    }
                }

                for (var k = 0; k < width; k++)
                {
                    context[offset + k] = count == 0 ? outputs[i][k] : context[offset + k] / count;
                }
            }

            result[i] = context;
        }

        return result;
    }

    /// <summary>The region means of a sequence of provisions: for each provision, the mean of the first-level outputs of
    /// the provisions up to <paramref name="radius"/> places before and after it in its document, itself included. It
    /// tells what part of the instrument the provision sits in (the definitions, the offences, the powers and their
    /// conditions, cooperation). A provision read alone is its own region.</summary>
    /// <param name="outputs">Each provision's first-level outputs, all of one length, in document order.</param>
    /// <param name="documents">Each provision's document; null: every provision is read alone.</param>
    /// <param name="radius">How many provisions on each side; 0 gives empty vectors.</param>
    /// <returns>For each provision, one mean of its outputs' length (empty when <paramref name="radius"/> is 0).</returns>
    public static float[][] Region(IReadOnlyList<float[]> outputs, IReadOnlyList<int>? documents, int radius)
    {
        if (radius == 0)
        {
            return outputs.Select(_ => Array.Empty<float>()).ToArray();
        }

        var result = new float[outputs.Count][];
        for (var i = 0; i < outputs.Count; i++)
        {
            var mean = new float[outputs[i].Length];
            var count = 0;
            for (var j = Math.Max(0, i - radius); j <= Math.Min(outputs.Count - 1, i + radius); j++)
            {
                if (j != i && (documents is null || documents[j] != documents[i]))
                {
                    continue;
                }

                count++;
                for (var k = 0; k < mean.Length; k++)
                {
                    mean[k] += outputs[j][k];
                }
            }

            for (var k = 0; k < mean.Length; k++)
            {
                mean[k] /= count;
            }

            result[i] = mean;
        }

        return result;
    }

    /// <summary>Whether the provision at <paramref name="i"/> has a neighbour in its document.</summary>
    public static bool HasNeighbour(IReadOnlyList<int> documents, int i) =>
        (i > 0 && documents[i - 1] == documents[i]) || (i + 1 < documents.Count && documents[i + 1] == documents[i]);

    /// <summary>Numbers the documents of a sequence: neighbours with one document name share a number.</summary>
    /// <param name="names">Each item's document name, in order; null for an item read alone.</param>
    /// <returns>A number per item; it changes wherever the name does, and at every null.</returns>
    public static int[] Number(IReadOnlyList<string?> names)
    {
        var result = new int[names.Count];
        for (var i = 1; i < names.Count; i++)
        {
            var same = names[i] is not null && string.Equals(names[i], names[i - 1], StringComparison.Ordinal);
            result[i] = result[i - 1] + (same ? 0 : 1);
        }

        return result;
    }
}
