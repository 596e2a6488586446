namespace ProvisionRisk.Training;

/// <summary>Chooses a decision threshold on calibrated probabilities: the one that maximises F1.</summary>
internal static class ThresholdSelector
{
    public static double MaximiseF1(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderByDescending(i => probabilities[i]).ThenBy(i => i).ToArray();
        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            return 0.5;
        }

        double best = -1, threshold = 0.5;
        var tp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (labels[order[k]])
            {
                tp++;
            }

            // Only cut between distinct probabilities.
            if (k + 1 < order.Length && probabilities[order[k + 1]] == probabilities[order[k]])
            {
                continue;
            }

            var predicted = k + 1;
            var f1 = 2.0 * tp / (predicted + positives);
            if (f1 > best)
            {
                best = f1;
                var next = k + 1 < order.Length ? probabilities[order[k + 1]] : 0;
                threshold = (probabilities[order[k]] + next) / 2;
            }
        }

        return threshold;
    }
}
