using System.Globalization;

namespace ProvisionRisk.Reports;

/// <summary>What a report shows of a long list of scored provisions: the riskiest, those above a score, those
/// flagged for a label.</summary>
public sealed record ReportOptions
{
    /// <summary>Gets the default options: every provision.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>Gets the number of highest-risk provisions to keep; null keeps all. Only these are held in memory.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? Top { get; init; }

    /// <summary>Gets the lowest risk a provision must reach to be shown (the probability of <see cref="Label"/>, or the
    /// highest probability over all labels); null shows every provision (or, with <see cref="Label"/>, those flagged for it).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? MinScore { get; init; }

    /// <summary>Gets the label to focus on: provisions are ranked by its probability and, without
    /// <see cref="MinScore"/>, only those flagged for it are shown; null ranks by the highest probability over all labels.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Label { get; init; }

    /// <summary>Gets the report's title (Markdown and HTML); null for a title made from the documents' names.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Title { get; init; }

    /// <summary>Throws if an option is out of range or names a label the model does not have.</summary>
    /// <param name="labels">The model's labels.</param>
    /// <exception cref="ArgumentException">An option is out of range or the label is unknown.</exception>
    public void Validate(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (Top is < 1)
        {
            throw new ArgumentException("Top must be at least 1.", nameof(Top));
        }

        if (MinScore is { } m && !(m >= 0 && m <= 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"MinScore must be between 0 and 1, not {m}."), nameof(MinScore));
        }

        if (Label is not null && !labels.Contains(Label))
        {
            throw new ArgumentException($"The model has no label '{Label}' (labels: {string.Join(", ", labels)}).", nameof(Label));
        }
    }
}
