using ProvisionRisk.Documents;

namespace ProvisionRisk.Cli.Commands;

/// <summary>Turns command-line inputs into provisions: a document (.txt, .md, .html, .pdf, .docx) is read and
/// segmented; a table (.csv, .jsonl) supplies id and text; a folder gives every document in it; "-" reads standard
/// input (its format given by --input-format or recognised from its first bytes).</summary>
internal static class InputLoader
{
    private static readonly Dictionary<string, DocumentType> StdinDocuments = new(StringComparer.Ordinal)
    {
        ["txt"] = DocumentType.Text,
        ["md"] = DocumentType.Markdown,
        ["html"] = DocumentType.Html,
        ["pdf"] = DocumentType.Pdf,
        ["docx"] = DocumentType.Docx,
    };

    /// <summary>The values --input-format accepts.</summary>
    public static IReadOnlyList<string> StdinFormats { get; } = [.. StdinDocuments.Keys, "csv", "jsonl"];

    /// <summary>The inputs an argument stands for: the documents of a folder, or the argument itself.</summary>
    /// <exception cref="InputException">The folder holds no document.</exception>
    public static IReadOnlyList<string> Expand(string input)
    {
        if (input == "-" || !Directory.Exists(input))
        {
            return [input];
        }

        var files = DocumentReader.DocumentsIn(input);
        return files.Count > 0
            ? files
            : throw new InputException($"{input}: the folder holds no document ({string.Join(", ", DocumentReader.Extensions.Keys)})");
    }

    /// <summary>Whether <paramref name="input"/> is a table of provisions rather than a document.</summary>
    public static bool IsTable(string input, string? stdinFormat) =>
        input == "-" ? stdinFormat is "csv" or "jsonl" : Path.GetExtension(input).ToLowerInvariant() is ".csv" or ".jsonl";

    public static IReadOnlyList<Provision> Load(string input, string? stdinFormat, StandardInput stdin)
    {
        if (input == "-")
        {
            var bytes = stdin.Bytes();
            return stdinFormat switch
            {
                "csv" => Table(new MemoryStream(bytes), "stdin", jsonLines: false),
                "jsonl" => Table(new MemoryStream(bytes), "stdin", jsonLines: true),
                _ => Document(() => DocumentReader.Read(new MemoryStream(bytes), "stdin",
                    stdinFormat is null ? DocumentReader.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, 512))) : StdinDocuments[stdinFormat]), "standard input"),
            };
        }

        var extension = Path.GetExtension(input).ToLowerInvariant();
        if (extension is ".csv" or ".jsonl")
        {
            if (!File.Exists(input))
            {
                throw new InputException($"{input}: no such file");
            }

            using var stream = File.OpenRead(input);
            return Table(stream, Path.GetFileName(input), extension == ".jsonl");
        }

        return Document(() => DocumentReader.Read(input), input);
    }

    private static IReadOnlyList<Provision> Table(Stream stream, string name, bool jsonLines)
    {
        try
        {
            var rows = ProvisionTable.Read(stream, name, jsonLines);
            return rows.Count > 0 ? rows : throw new InputException($"{name}: the table has no rows");
        }
        catch (FormatException e)
        {
            throw new InputException(e.Message);
        }
    }

    private static IReadOnlyList<Provision> Document(Func<SegmentedDocument> read, string displayName)
    {
        SegmentedDocument document;
        try
        {
            document = read();
        }
        catch (DocumentReadException e)
        {
            throw new InputException(e.Message);
        }

        return document.Provisions.Count > 0
            ? document.Provisions
            : throw new InputException($"{displayName}: no provisions found (no numbered articles, sections or paragraphs)");
    }
}
