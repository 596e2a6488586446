using System.Text;
using CsvHelper;

namespace ProvisionRisk.Training;

/// <summary>
/// Labelled provisions read from one or more training CSV files (the format of the codebook: <c>id</c>, <c>text</c>
/// and one column per label are required; <c>source</c> and <c>group</c> decide cross-validation folds; <c>ref</c>,
/// <c>kind</c>, <c>flags</c>, <c>rationale</c> and <c>notes</c> are optional). Any label set works: labels are
/// column names. A file is read whole or not at all.
/// </summary>
public sealed class LabelledDataset
{
    /// <summary>The columns that are never labels.</summary>
    public static readonly IReadOnlySet<string> MetadataColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "source", "group", "ref", "kind", "text", "flags", "rationale", "notes", "document", "heading", "start", "end", "line",
    };

    private const int MaxRecordBytes = 1 << 20;

    /// <summary>Initializes a new instance of the <see cref="LabelledDataset"/> class.</summary>
    /// <param name="labels">The label names.</param>
    /// <param name="rows">The labelled provisions; each must have a value for every label.</param>
    public LabelledDataset(IReadOnlyList<string> labels, IReadOnlyList<LabelledProvision> rows)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        if (labels.Count == 0)
        {
            throw new ArgumentException("At least one label is needed.", nameof(labels));
        }

        Labels = labels;
        Rows = rows;
    }

    /// <summary>Gets the label names.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Gets the labelled provisions.</summary>
    public IReadOnlyList<LabelledProvision> Rows { get; }

    /// <summary>Gets the distinct cross-validation groups, in first-seen order.</summary>
    public IReadOnlyList<string> Groups => Rows.Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Reads labelled data from files or directories (every <c>*.csv</c> in a directory, in name order).</summary>
    /// <param name="paths">Files or directories.</param>
    /// <param name="labels">The label columns to use; null to use every column that is not metadata.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="LabelledDataException">A file is missing or malformed; the message names file, line and field.</exception>
    public static LabelledDataset Load(IEnumerable<string> paths, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new LabelledDataException(path, 0, null, "no such file or directory");
            }
        }

        if (files.Count == 0)
        {
            throw new LabelledDataException(string.Join(", ", paths), 0, null, "no CSV files found");
        }

        var rows = new List<LabelledProvision>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string>? chosen = labels;
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var (fileLabels, fileRows) = ReadFile(stream, file, chosen);
            chosen ??= fileLabels;
            foreach (var row in fileRows)
            {
                if (ids.TryGetValue(row.Row.Id, out var where))
                {
                    throw new LabelledDataException(file, row.Line, "id", $"duplicate id '{row.Row.Id}' (first seen at {where})");
                }

                ids[row.Row.Id] = $"{file}:{row.Line}";
                rows.Add(row.Row);
            }
        }

        return new LabelledDataset(chosen!, rows);
    }

    /// <summary>Reads labelled data from a stream.</summary>
    /// <param name="stream">The CSV content.</param>
    /// <param name="name">The name used in error messages.</param>
    /// <param name="labels">The label columns to use; null to use every column that is not metadata.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="LabelledDataException">The content is malformed.</exception>
    public static LabelledDataset Load(Stream stream, string name, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (fileLabels, rows) = ReadFile(stream, name, labels);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, line) in rows)
        {
            if (!seen.Add(row.Id))
            {
                throw new LabelledDataException(name, line, "id", $"duplicate id '{row.Id}'");
            }
        }

        return new LabelledDataset(fileLabels, rows.Select(r => r.Row).ToList());
    }

    /// <summary>Returns the rows whose source is not in <paramref name="sources"/>.</summary>
    /// <param name="sources">Sources to leave out.</param>
    /// <returns>A new dataset.</returns>
    public LabelledDataset Without(IEnumerable<string> sources)
    {
        var excluded = new HashSet<string>(sources, StringComparer.Ordinal);
        return new LabelledDataset(Labels, Rows.Where(r => !excluded.Contains(r.Source)).ToList());
    }

    private static (IReadOnlyList<string> Labels, List<(LabelledProvision Row, long Line)> Rows) ReadFile(
        Stream stream, string file, IReadOnlyList<string>? labels)
    {
        var head = new byte[3];
        var n = stream.Read(head, 0, 3);
        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            throw new LabelledDataException(file, 1, null, "the file starts with a byte-order mark; save it as UTF-8 without BOM");
        }

        if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            throw new LabelledDataException(file, 1, null, "the file is UTF-16; save it as UTF-8 without BOM");
        }

        stream.Seek(0, SeekOrigin.Begin);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        using var text = new StreamReader(stream, strict, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
            SkipEmptyLines = true,
        };
        var rows = new List<(LabelledProvision, long)>();
        long line = 1;
        try
        {
            using var csv = CsvReader.Create(text, options, leaveOpen: true);
            csv.ReadHeader();
            var headers = csv.Headers.ToList();
            if (headers.Count == 0)
            {
                throw new LabelledDataException(file, 1, null, "the file is empty: expected a header with id, text and label columns");
            }

            CheckHeaders(file, headers);
            var fileLabels = labels ?? headers.Where(h => !MetadataColumns.Contains(h)).ToList();
            if (fileLabels.Count == 0)
            {
                throw new LabelledDataException(file, 1, null, "no label columns: add at least one column besides " + string.Join(", ", MetadataColumns.Order()));
            }

            foreach (var label in fileLabels)
            {
                if (!headers.Contains(label, StringComparer.Ordinal))
                {
                    throw new LabelledDataException(file, 1, label, "label column missing from the header");
                }
            }

            while (csv.Read())
            {
                line = csv.LineNumber;
                rows.Add((ReadRow(csv, file, line, headers, fileLabels), line));
            }

            if (rows.Count == 0)
            {
                throw new LabelledDataException(file, 2, null, "the file has a header but no rows");
            }

            return (fileLabels, rows);
        }
        catch (CsvFormatException e)
        {
            var at = e.LineNumber > 0 ? e.LineNumber : line;
            throw new LabelledDataException(file, at, null, "malformed CSV: " + e.Message, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new LabelledDataException(file, line, null, "the file is not valid UTF-8", e);
        }
    }

    private static void CheckHeaders(string file, List<string> headers)
    {
        foreach (var required in new[] { "id", "text" })
        {
            if (!headers.Contains(required, StringComparer.Ordinal))
            {
                throw new LabelledDataException(file, 1, required, $"required column '{required}' missing from the header (found: {string.Join(", ", headers)})");
            }
        }

        var duplicate = headers.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new LabelledDataException(file, 1, duplicate.Key, "column appears twice in the header");
        }

        var empty = headers.FindIndex(string.IsNullOrWhiteSpace);
        if (empty >= 0)
        {
            throw new LabelledDataException(file, 1, $"#{empty + 1}", "empty column name in the header");
        }
    }

    private static LabelledProvision ReadRow(CsvReader csv, string file, long line, List<string> headers, IReadOnlyList<string> labels)
    {
        string Get(string column) => headers.Contains(column, StringComparer.Ordinal) ? csv.GetString(column) ?? string.Empty : string.Empty;

        var id = Get("id").Trim();
        if (id.Length == 0)
        {
            throw new LabelledDataException(file, line, "id", "empty id");
        }

        var textValue = Get("text");
        if (string.IsNullOrWhiteSpace(textValue))
        {
            throw new LabelledDataException(file, line, "text", $"empty text (id '{id}')");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var value = Get(label).Trim();
            if (value.Length == 0)
            {
                throw new LabelledDataException(file, line, label, $"no label value (id '{id}'); expected {LabelValues.Allowed}");
            }

            if (!LabelValues.IsValid(value))
            {
                throw new LabelledDataException(file, line, label, $"unknown label value '{value}' (id '{id}'); expected {LabelValues.Allowed}");
            }

            values[label] = value.ToLowerInvariant();
        }

        var source = Get("source").Trim();
        var group = Get("group").Trim();
        return new LabelledProvision(
            id,
            textValue,
            source,
            group.Length > 0 ? group : source,
            NullIfEmpty(Get("ref")),
            NullIfEmpty(Get("kind")),
            values,
            NullIfEmpty(Get("flags")),
            NullIfEmpty(Get("rationale")));
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
