using ProvisionRisk.Features;

namespace ProvisionRisk.Training;

/// <summary>
/// A label's output layer: <c>p = σ(Scale·s + Σ W[c]·cue[c] + Σ W[c|k]·cue[c]·P(kind k) + Bias)</c>, where <c>s</c> is
/// the model's raw score, <c>cue[c]</c> the label's directional cues and <c>P(kind k)</c> the predicted probability of
/// each kind of provision (so that, say, judicial authorisation can weigh more in a procedural power than elsewhere).
/// Fitted on out-of-fold scores (so it also calibrates) by projected gradient descent, every weight of a cue held to
/// the sign the codebook gives the cue (a cue's main effect to a least size, <see cref="MinMainEffect"/>) and the
/// score's scale kept non-negative. The stacked pipeline adds <c>LinearWeight·linear score</c> (non-negative). With no
/// directional cues it is Platt scaling.
/// </summary>
internal sealed class OutputLayer(double scale, double bias, IReadOnlyDictionary<string, double> cueWeights, double linearWeight = 0)
{
    private ResolvedTerms? resolved;

    public double Scale { get; } = scale;

    /// <summary>Gets the weight of the label's linear score beside the raw score (non-negative; 0 when the raw score is
    /// the linear score itself). The stacked trees cut the linear score into a few steps; this term keeps its order.</summary>
    public double LinearWeight { get; } = linearWeight;

    public double Bias { get; } = bias;

    public IReadOnlyDictionary<string, double> CueWeights { get; } = cueWeights;

    /// <summary>Separates a cue from a kind in the name of an interaction weight: <c>judicial-authorisation|procedural-power</c>.</summary>
    public const char KindSeparator = '|';

    /// <summary>The kind position of a weight on a cue alone.</summary>
    private const int MainEffect = -1;

    private const int Iterations = 400;
    private const double CueL2 = 1e-3;

    /// <summary>The least size of a directional cue's main effect on the logit, per unit of the cue (log(1 + matches)):
    /// the codebook says a binding safeguard lowers, and an intent element raises, the risk, so the data may make the
    /// effect larger but not nil. A single match moves the logit by at least 0.69 × this.</summary>
    public const double MinMainEffect = 0.2;

    /// <summary>The contribution of one weight to the logit, given the cue vector and the kind probabilities.</summary>
    public static double Input(string name, float[] cues, IReadOnlyList<string> kinds, float[]? kindProbabilities)
    {
        var (cue, kind) = Resolve(name, kinds);
        return kind < MainEffect ? 0 : TermInput(cue, kind, cues, kindProbabilities);
    }

    /// <summary>The input of a resolved term: the cue alone for a main effect, else the cue times the kind's probability.</summary>
    private static double TermInput(int cue, int kind, float[] cues, float[]? kindProbabilities) =>
        kind == MainEffect ? cues[cue] : kindProbabilities is null ? 0 : cues[cue] * kindProbabilities[kind];

    /// <summary>The cue and kind positions a weight's name stands for: kind <see cref="MainEffect"/> for a cue alone,
    /// another negative value for a kind not among <paramref name="kinds"/>.</summary>
    private static (int Cue, int Kind) Resolve(string name, IReadOnlyList<string> kinds)
    {
        var bar = name.IndexOf(KindSeparator, StringComparison.Ordinal);
        if (bar < 0)
        {
            return (LegalCues.IndexOf(name), MainEffect);
        }

        var k = kinds is List<string> list ? list.IndexOf(name[(bar + 1)..]) : kinds.ToList().IndexOf(name[(bar + 1)..]);
        return (LegalCues.IndexOf(name[..bar]), k < 0 ? -2 : k);
    }

    public double Logit(double score, float[] cues, IReadOnlyList<string> kinds, float[]? kindProbabilities, double linear = 0)
    {
        var z = (Scale * score) + Bias + (LinearWeight * linear);
        foreach (var (cue, kind, w) in Terms(kinds))
        {
            z += w * TermInput(cue, kind, cues, kindProbabilities);
        }

        return z;
    }

    /// <summary>The weights resolved to cue and kind positions (kind -1 for a main effect; a weight whose kind is not
    /// among <paramref name="kinds"/> is left out), resolved once per list of kinds.</summary>
    private (int Cue, int Kind, double Weight)[] Terms(IReadOnlyList<string> kinds)
    {
        var cached = resolved;
        if (cached is not null && ReferenceEquals(cached.Kinds, kinds))
        {
            return cached.Terms;
        }

        var terms = new List<(int, int, double)>(CueWeights.Count);
        foreach (var (name, w) in CueWeights)
        {
            var (cue, kind) = Resolve(name, kinds);
            if (kind >= MainEffect)
            {
                terms.Add((cue, kind, w));
            }
        }

        resolved = new ResolvedTerms(kinds, [.. terms]);
        return resolved.Terms;
    }

    private sealed record ResolvedTerms(IReadOnlyList<string> Kinds, (int Cue, int Kind, double Weight)[] Terms);

    public double Probability(double score, float[] cues, IReadOnlyList<string> kinds, float[]? kindProbabilities, double linear = 0) =>
        Sigmoid(Logit(score, cues, kinds, kindProbabilities, linear));

    public static OutputLayer Fit(IReadOnlyList<double> scores, IReadOnlyList<float[]> cues, IReadOnlyList<bool> labels,
        IReadOnlyDictionary<string, int> directions, IReadOnlyList<string> kinds, IReadOnlyList<float[]?> kindProbabilities,
        IReadOnlyList<double>? linearScores = null)
    {
        var n = scores.Count;
        var cueNames = directions.Keys.Order(StringComparer.Ordinal).ToList();
        var hasKinds = kinds.Count > 0 && kindProbabilities.All(k => k is not null);
        var names = cueNames.Concat(hasKinds ? cueNames.SelectMany(c => kinds.Select(k => c + KindSeparator + k)) : []).ToArray();
        var sign = names.Select(c => directions[c.Split(KindSeparator)[0]]).ToArray();
        var columns = names.Select(name => Enumerable.Range(0, n).Select(i => Input(name, cues[i], kinds, kindProbabilities[i])).ToArray()).ToArray();

        // The linear score, standardised, as one more column of positive sign and no least size.
        var linearMean = linearScores is null ? 0 : linearScores.Average();
        var linearSpread = linearScores is null ? 1 : Math.Sqrt(linearScores.Sum(x => (x - linearMean) * (x - linearMean)) / Math.Max(1, n)) + 1e-9;
        if (linearScores is not null)
        {
            columns = [.. columns, linearScores.Select(x => (x - linearMean) / linearSpread).ToArray()];
            sign = [.. sign, 1];
        }
        double positives = labels.Count(l => l), negatives = n - positives;

        // Platt's smoothed targets keep the probabilities away from 0 and 1 on small or separable data.
        var targets = labels.Select(l => l ? (positives + 1) / (positives + 2) : 1 / (negatives + 2)).ToArray();
        var mean = scores.Average();
        var spread = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / Math.Max(1, n)) + 1e-9;

        // Parameters: [scale, bias, cue weights...] on the standardised score.
        var theta = new double[2 + columns.Length];
        theta[0] = 1;
        theta[1] = Math.Log((positives + 1) / (negatives + 1));
        theta = Project(theta);
        var loss = Loss(theta);
        for (var iter = 0; iter < Iterations; iter++)
        {
            var gradient = Gradient(theta);
            var step = 1.0;
            var improved = false;
            while (step > 1e-8)
            {
                var candidate = Project(theta.Select((t, i) => t - (step * gradient[i])).ToArray());
                var candidateLoss = Loss(candidate);
                if (candidateLoss < loss - 1e-12)
                {
                    theta = candidate;
                    loss = candidateLoss;
                    improved = true;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < names.Length; k++)
        {
            var w = Math.Round(theta[2 + k], 6);
            if (w != 0 || k < cueNames.Count)
            {
                weights[names[k]] = w;
            }
        }

        // Undo the standardisations: scale·(s − mean)/spread + linear·(l − mean)/spread + bias.
        var scale = theta[0] / spread;
        var linearWeight = linearScores is null ? 0 : Math.Round(theta[2 + names.Length], 6) / linearSpread;
        return new OutputLayer(scale, theta[1] - (scale * mean) - (linearWeight * linearMean), weights, linearWeight);

        double Z(double[] t, int i)
        {
            var z = (t[0] * (scores[i] - mean) / spread) + t[1];
            for (var k = 0; k < columns.Length; k++)
            {
                z += t[2 + k] * columns[k][i];
            }

            return z;
        }

        double Loss(double[] t)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                var z = Z(t, i);
                sum += z >= 0 ? ((1 - targets[i]) * z) + Math.Log(1 + Math.Exp(-z)) : (-targets[i] * z) + Math.Log(1 + Math.Exp(z));
            }

            var penalty = 0.0;
            for (var k = 2; k < t.Length; k++)
            {
                penalty += t[k] * t[k];
            }

            return (sum / n) + (CueL2 * penalty);
        }

        double[] Gradient(double[] t)
        {
            var g = new double[t.Length];
            for (var i = 0; i < n; i++)
            {
                var d = Sigmoid(Z(t, i)) - targets[i];
                g[0] += d * (scores[i] - mean) / spread;
                g[1] += d;
                for (var k = 0; k < columns.Length; k++)
                {
                    g[2 + k] += d * columns[k][i];
                }
            }

            for (var k = 0; k < g.Length; k++)
            {
                g[k] /= n;
                if (k >= 2)
                {
                    g[k] += 2 * CueL2 * t[k];
                }
            }

            return g;
        }

        double[] Project(double[] t)
        {
            t[0] = Math.Max(0, t[0]);
            for (var k = 0; k < sign.Length; k++)
            {
                // Main effects keep the codebook's sign with a least size; interactions with kinds only the sign.
                var least = k < cueNames.Count ? MinMainEffect : 0;
                t[2 + k] = sign[k] > 0 ? Math.Max(least, t[2 + k]) : Math.Min(-least, t[2 + k]);
            }

            return t;
        }
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
