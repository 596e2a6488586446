namespace ProvisionRisk.Features;

/// <summary>A sparse, L2-normalised vector of term weights: term ids in ascending order and their weights.</summary>
internal sealed class TermVector(int[] terms, float[] weights)
{
    public static readonly TermVector Empty = new([], []);

    public int[] Terms { get; } = terms;

    public float[] Weights { get; } = weights;

    public bool IsEmpty => Terms.Length == 0;

    /// <summary>The cosine similarity of two normalised vectors.</summary>
    public double Dot(TermVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Terms.Length && j < other.Terms.Length)
        {
            if (Terms[i] == other.Terms[j])
            {
                sum += Weights[i] * other.Weights[j];
                i++;
                j++;
            }
            else if (Terms[i] < other.Terms[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}
