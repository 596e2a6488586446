using CsvHelper;

namespace ProvisionRisk.Training;

/// <summary>Writes labelled provisions in the training CSV format, so they can be read back by <see cref="LabelledDataset.Load(IEnumerable{string}, IReadOnlyList{string}?)"/>.</summary>
public static class TrainingDataWriter
{
    /// <summary>Writes <paramref name="data"/> as CSV: id, source, group, ref, kind, text, one column per label, flags, rationale.</summary>
    /// <param name="data">The labelled provisions.</param>
    /// <param name="output">The destination; it is left open.</param>
    public static void Write(LabelledDataset data, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        string[] header = ["id", "source", "group", "ref", "kind", "text", .. data.Labels, "flags", "rationale"];
        csv.WriteRecord(header);
        foreach (var r in data.Rows)
        {
            string[] row = [r.Id, r.Source, r.Group, r.Ref ?? string.Empty, r.Kind ?? string.Empty, r.Text,
                .. data.Labels.Select(l => r.Values[l]), r.Flags ?? string.Empty, r.Rationale ?? string.Empty];
            csv.WriteRecord(row);
        }

        csv.Flush();
    }

    /// <summary>The SHA-256 of the training data as this writer writes it: a fingerprint of ids, texts and labels.</summary>
    /// <param name="data">The labelled provisions.</param>
    /// <returns>The lower-case hex digest.</returns>
    public static string Hash(LabelledDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var text = new StringWriter();
        Write(data, text);
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(bytes);
    }
}
