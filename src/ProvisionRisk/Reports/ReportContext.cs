namespace ProvisionRisk.Reports;

/// <summary>What a ranked report says around its provisions: labels, options, title, how many were scored, warnings.</summary>
internal sealed record ReportContext(
    IReadOnlyList<string> Labels,
    ReportOptions Options,
    string Title,
    int Scored,
    IReadOnlyList<(string Document, string Message)> Warnings)
{
    /// <summary>What the report ranks by, in words.</summary>
    public string RankedBy => Options.Label is { } l ? "probability of " + ReportText.Label(l) : "highest probability over the labels";

    /// <summary>What the report leaves out, in words (empty when nothing).</summary>
    public string Filter
    {
        get
        {
            var parts = new List<string>();
            if (Options.MinScore is { } m)
            {
                parts.Add("risk at least " + ReportText.Probability(m));
            }
            else if (Options.Label is { } l)
            {
                parts.Add("flagged for " + ReportText.Label(l));
            }

            if (Options.Top is { } t)
            {
                parts.Add("top " + t.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return string.Join(", ", parts);
        }
    }
}
