using System.Text;
using System.Text.Json;
using CsvHelper;

namespace ProvisionRisk.Documents;

/// <summary>
/// Reads a table of provisions to score: CSV with a header, or JSON lines, each row with an <c>id</c> and a
/// <c>text</c>, and optionally the <c>document</c> (or <c>source</c>) it belongs to; other columns are ignored. A
/// malformed table is rejected with its file, line and field.
/// </summary>
/// <remarks>Consecutive rows of one document are read in context by the model (in table order); rows without a
/// document column all belong to the table's own document.</remarks>
public static class ProvisionTable
{
    /// <summary>The columns that can name a row's document, in order of preference.</summary>
    private static readonly string[] DocumentColumns = ["document", "source"];

    /// <summary>Reads provisions from a CSV or JSON-lines table.</summary>
    /// <param name="stream">The table's content.</param>
    /// <param name="name">The table's name (its file name): the provisions' document unless a row names one, and the name in errors.</param>
    /// <param name="jsonLines">True for JSON lines, false for CSV.</param>
    /// <returns>The provisions, with the row's id as reference and its line as position.</returns>
    /// <exception cref="FormatException">The table is malformed; the message names file, line and field.</exception>
    public static IReadOnlyList<Provision> Read(Stream stream, string name, bool jsonLines)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var rows = jsonLines ? ReadJsonLines(stream, name) : ReadCsv(stream, name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in rows)
        {
            if (!seen.Add(p.Ref))
            {
                throw new FormatException($"{name}:{p.Line}: field 'id': duplicate id '{p.Ref}'");
            }
        }

        return rows;
    }

    private static List<Provision> ReadCsv(Stream stream, string name)
    {
        var result = new List<Provision>();
        long line = 1;
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            using var csv = CsvReader.Create(reader, new CsvReaderOptions
            {
                HasHeader = true,
                MalformedData = CsvMalformedDataHandling.Throw,
                FieldCountMismatch = CsvFieldCountHandling.Throw,
                TrackLineNumbers = true,
                SkipEmptyLines = true,
            }, leaveOpen: true);
            csv.ReadHeader();
            var headers = csv.Headers.ToList();
            foreach (var required in new[] { "id", "text" })
            {
                if (!headers.Contains(required, StringComparer.Ordinal))
                {
                    throw new FormatException($"{name}:1: field '{required}': required column missing from the header");
                }
            }

            var documentColumn = DocumentColumns.FirstOrDefault(c => headers.Contains(c, StringComparer.Ordinal));
            while (csv.Read())
            {
                line = csv.LineNumber;
                result.Add(Row(name, line, csv.GetString("id"), csv.GetString("text"), documentColumn is null ? null : csv.GetString(documentColumn)));
            }
        }
        catch (CsvFormatException e)
        {
            throw new FormatException($"{name}:{(e.LineNumber > 0 ? e.LineNumber : line)}: malformed CSV: {e.Message}", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"{name}:{line}: the file is not valid UTF-8", e);
        }

        return result;
    }

    private static List<Provision> ReadJsonLines(Stream stream, string name)
    {
        var result = new List<Provision>();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var line = 0L;
        string? text;
        try
        {
            while ((text = reader.ReadLine()) is not null)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                JsonDocument doc;
                try
                {
                    doc = JsonDocument.Parse(text);
                }
                catch (JsonException e)
                {
                    throw new FormatException($"{name}:{line}: not a JSON object: {e.Message}", e);
                }

                using (doc)
                {
                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new FormatException($"{name}:{line}: not a JSON object");
                    }

                    var documentField = DocumentColumns.FirstOrDefault(c => doc.RootElement.TryGetProperty(c, out _));
                    var document = documentField is null ? null : Field(doc.RootElement, documentField, name, line);
                    result.Add(Row(name, line, Field(doc.RootElement, "id", name, line), Field(doc.RootElement, "text", name, line), document));
                }
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"{name}:{line + 1}: the file is not valid UTF-8", e);
        }

        return result;
    }

    private static string Field(JsonElement obj, string field, string name, long line)
    {
        if (!obj.TryGetProperty(field, out var value))
        {
            throw new FormatException($"{name}:{line}: field '{field}': missing");
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FormatException($"{name}:{line}: field '{field}': expected a string, found {value.ValueKind}"),
        };
    }

    private static Provision Row(string name, long line, string id, string text, string? document)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new FormatException($"{name}:{line}: field 'id': empty");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"{name}:{line}: field 'text': empty (id '{id}')");
        }

        var documentName = string.IsNullOrWhiteSpace(document) ? name : document.Trim();
        return new Provision(documentName, id.Trim(), null, null, text, 0, text.Length, (int)Math.Min(line, int.MaxValue));
    }
}
