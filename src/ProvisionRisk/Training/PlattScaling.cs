namespace ProvisionRisk.Training;

/// <summary>
/// Platt scaling: maps a raw score <c>s</c> to a probability <c>1 / (1 + exp(A·s + B))</c>, fitted on held-out
/// (out-of-fold) scores with Platt's label smoothing, by Newton's method with backtracking (Lin, Lin and Weng, 2007).
/// </summary>
internal sealed record PlattScaling(double A, double B)
{
    public double Probability(double score)
    {
        var f = (A * score) + B;
        return f >= 0 ? Math.Exp(-f) / (1 + Math.Exp(-f)) : 1 / (1 + Math.Exp(f));
    }

    public static PlattScaling Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var n = scores.Count;
        double prior1 = labels.Count(l => l), prior0 = n - prior1;
        double hi = (prior1 + 1) / (prior1 + 2), lo = 1 / (prior0 + 2);
        var t = labels.Select(l => l ? hi : lo).ToArray();
        double a = 0, b = Math.Log((prior0 + 1) / (prior1 + 1));
        double fval = Objective(a, b);
        const double sigma = 1e-12;
        for (var iter = 0; iter < 100; iter++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < n; i++)
            {
                var f = (scores[i] * a) + b;
                double p, q;
                if (f >= 0)
                {
                    p = Math.Exp(-f) / (1 + Math.Exp(-f));
                    q = 1 / (1 + Math.Exp(-f));
                }
                else
                {
                    p = 1 / (1 + Math.Exp(f));
                    q = Math.Exp(f) / (1 + Math.Exp(f));
                }

                var d2 = p * q;
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                var d1 = t[i] - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < 1e-5 && Math.Abs(g2) < 1e-5)
            {
                break;
            }

            var det = (h11 * h22) - (h21 * h21);
            var dA = -((h22 * g1) - (h21 * g2)) / det;
            var dB = -((-h21 * g1) + (h11 * g2)) / det;
            var gd = (g1 * dA) + (g2 * dB);
            var step = 1.0;
            while (step >= 1e-10)
            {
                var na = a + (step * dA);
                var nb = b + (step * dB);
                var nf = Objective(na, nb);
                if (nf < fval + (1e-4 * step * gd))
                {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }

                step /= 2;
            }

            if (step < 1e-10)
            {
                break;
            }
        }

        return new PlattScaling(a, b);

        double Objective(double pa, double pb)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                var f = (scores[i] * pa) + pb;
                sum += f >= 0 ? (t[i] * f) + Math.Log(1 + Math.Exp(-f)) : ((t[i] - 1) * f) + Math.Log(1 + Math.Exp(f));
            }

            return sum;
        }
    }
}
