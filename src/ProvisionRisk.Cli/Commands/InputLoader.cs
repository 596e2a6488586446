using ProvisionRisk.Documents;

namespace ProvisionRisk.Cli.Commands;

/// <summary>Turns a score input into provisions: a document (.txt, .md) is segmented; a table (.csv, .jsonl)
/// supplies id and text; "-" reads standard input.</summary>
internal static class InputLoader
{
    public static IReadOnlyList<Provision> Load(string input, string? stdinFormat, TextReader stdin)
    {
        if (input == "-")
        {
            var text = stdin.ReadToEnd();
            return stdinFormat switch
            {
                "csv" => Table(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "stdin", jsonLines: false),
                "jsonl" => Table(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "stdin", jsonLines: true),
                _ => Document(text, "stdin", "standard input"),
            };
        }

        if (Directory.Exists(input))
        {
            throw new InputException($"{input}: is a directory; give the files to score");
        }

        if (!File.Exists(input))
        {
            throw new InputException($"{input}: no such file");
        }

        var extension = Path.GetExtension(input).ToLowerInvariant();
        switch (extension)
        {
            case ".csv":
            case ".jsonl":
                using (var stream = File.OpenRead(input))
                {
                    return Table(stream, Path.GetFileName(input), extension == ".jsonl");
                }

            case ".txt":
            case ".md":
            case ".markdown":
                try
                {
                    return Provisions(DocumentSegmenter.SegmentFile(input), input);
                }
                catch (InvalidDataException e)
                {
                    throw new InputException(e.Message);
                }

            default:
                throw new InputException($"{input}: unsupported file type '{extension}' (supported: .txt, .md, .csv, .jsonl)");
        }
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

    private static IReadOnlyList<Provision> Document(string text, string name, string displayName)
    {
        try
        {
            return Provisions(DocumentSegmenter.Segment(DocumentText.Check(text, displayName), name), displayName);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(e.Message);
        }
    }

    private static IReadOnlyList<Provision> Provisions(SegmentedDocument document, string displayName) =>
        document.Provisions.Count > 0
            ? document.Provisions
            : throw new InputException($"{displayName}: no provisions found (no numbered articles, sections or paragraphs)");
}
