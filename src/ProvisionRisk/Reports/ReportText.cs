using System.Globalization;
using ProvisionRisk.Documents;
using ProvisionRisk.Precedents;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Reports;

/// <summary>Short phrases every report format uses the same way.</summary>
internal static class ReportText
{
    public static string Probability(double p) => p.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Weight(double w) => w.ToString("+0.00;-0.00", CultureInfo.InvariantCulture);

    public static string Label(string label) => label.Replace('_', ' ');

    public static string Score(LabelScore s) => Probability(s.Probability) + (s.Flagged ? "*" : string.Empty);

    public static string Evidence(LabelScore s, int max) =>
        string.Join(", ", s.Evidence.Take(max).Select(e => e.Feature + " (" + Weight(e.Weight) + ")"));

    public static string CrossReference(CrossReference c) =>
        c.Target + (c.Heading is { } h ? " (" + h + ")" : string.Empty) + (c.IsResolved ? string.Empty : " [not in this document]");

    public static string Values(Precedent p) => string.Join(", ", p.Provision.Values.Select(v => Label(v.Key) + " " + v.Value));

    public static string Precedent(Precedent p) =>
        $"{p.Name} (similarity {Probability(p.Similarity)}; {Values(p)})";

    public static string Alternative(AlternativeScore a) =>
        (a.Reading.Length == 0 ? "(deleted)" : "\"" + a.Reading + "\"") + ": " + string.Join(", ", a.Labels.Select(l => Label(l.Label) + " " + Score(l)));

    public static string Flag(FlagSuggestion f) => f.Flag + " (" + Label(f.Label) + ", support " + Probability(f.Support) + ")";

    public static string Title(IReadOnlyCollection<string> documents, string? title) =>
        title ?? (documents.Count == 0 ? "scores" : documents.Count <= 3 ? string.Join(", ", documents) : documents.Count + " documents");
}
