using System.Globalization;
using CsvHelper;

namespace ProvisionRisk.Reports;

/// <summary>Writes scored provisions as CSV rows: identity and position, per label the probability, decision and
/// evidence, then open text, cross-references, suggested flags, precedents and the text. Would-be spreadsheet
/// formulas are escaped by CsvHelper's injection protection.</summary>
internal sealed class ScoreCsv(TextWriter output, IReadOnlyList<string> labels) : IDisposable
{
    private CsvWriter? csv;

    public void Write(ScoredProvision item)
    {
        Ensure();
        var s = item.Score;
        var p = s.Provision;
        var row = new List<string>
        {
            item.Id, item.Document, p?.Ref ?? string.Empty, s.Kind ?? string.Empty,
            p?.Line.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
        foreach (var l in labels)
        {
            var ls = s.Get(l);
            row.Add(ls.Probability.ToString("0.0000", CultureInfo.InvariantCulture));
            row.Add(ls.Flagged ? "true" : "false");
            row.Add(string.Join("; ", ls.Evidence.Select(e => e.Feature + " (" + ReportText.Weight(e.Weight) + ")")));
        }

        row.Add(p?.Page?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        row.Add(string.Join(" ", p?.OpenText.Select(o => o.Text) ?? []));
        row.Add(string.Join("; ", p?.CrossReferences.Select(ReportText.CrossReference) ?? []));
        row.Add(string.Join("; ", s.Flags.Select(f => f.Flag)));
        row.Add(string.Join("; ", s.Precedents.Select(ReportText.Precedent)));
        row.Add(s.Text);
        csv!.WriteRecord(row.ToArray());
    }

    public void Flush()
    {
        Ensure();
        csv!.Flush();
    }

    public void Dispose() => csv?.Dispose();

    private void Ensure()
    {
        if (csv is not null)
        {
            return;
        }

        csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.Escape }, leaveOpen: true);
        var header = new List<string> { "id", "document", "ref", "kind", "line" };
        foreach (var l in labels)
        {
            header.Add(l);
            header.Add(l + "_flagged");
            header.Add(l + "_evidence");
        }

        header.AddRange(["page", "open_text", "cross_references", "flags", "precedents", "text"]);
        csv.WriteRecord(header.ToArray());
    }
}
