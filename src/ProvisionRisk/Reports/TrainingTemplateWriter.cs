using CsvHelper;
using ProvisionRisk.Documents;

namespace ProvisionRisk.Reports;

/// <summary>
/// Writes segmented provisions in the training CSV format (<c>id,source,ref,kind,text,…</c>) with empty label
/// columns, so a team can label its own drafts and retrain on them.
/// </summary>
public static class TrainingTemplateWriter
{
    /// <summary>The columns written, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "source", "ref", "kind", "text", "overbreadth", "missing_safeguards", "flags", "rationale"];

    /// <summary>Writes <paramref name="provisions"/> to <paramref name="output"/> as training CSV rows with empty labels.</summary>
    /// <param name="provisions">The provisions to write.</param>
    /// <param name="output">The destination; it is left open.</param>
    public static void Write(IEnumerable<Provision> provisions, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(provisions);
        ArgumentNullException.ThrowIfNull(output);
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        csv.WriteRecord([.. Columns]);
        foreach (var p in provisions)
        {
            csv.WriteRecord([p.Id, p.Document, p.Ref, string.Empty, p.Text, string.Empty, string.Empty, string.Empty, string.Empty]);
        }

        csv.Flush();
    }
}
