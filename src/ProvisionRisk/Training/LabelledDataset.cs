using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CsvHelper;

namespace ProvisionRisk.Training;

/// <summary>
/// Labelled provisions read from one or more training CSV files (the format of the codebook: <c>id</c>, <c>text</c>
/// and one column per label are required; <c>source</c> and <c>group</c> decide cross-validation folds; <c>ref</c>,
/// <c>kind</c>, <c>flags</c>, <c>rationale</c> and <c>notes</c> are optional). Any label set works: labels are
/// column names. A file is read whole or not at all.
/// </summary>
/// <remarks>
/// Files are read as a stream, one record at a time, and every record is checked as it is read (field count, UTF-8,
/// quoting, id, text and label values), so a malformed row fails with its file, line and field wherever it is. The
/// rows themselves are kept: memory grows with the data, to about 2.5 times the size of the files (.NET strings are
/// UTF-16, twice the UTF-8 size of most legal text, plus a few hundred bytes a row), and reading needs one record
/// (1 MiB at most) beyond that.
/// </remarks>
public sealed partial class LabelledDataset
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
    /// <exception cref="LabelledDataException">A file is missing, unreadable or malformed; the message names file, line and field.</exception>
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

        var rows = new RowCollector();
        var chosen = labels;
        foreach (var file in files)
        {
            using var stream = Open(file);
            chosen = ReadFile(stream, file, chosen, rows);
        }

        return new LabelledDataset(chosen!, rows.Rows);
    }

    /// <summary>Reads labelled data from a stream.</summary>
    /// <param name="stream">The CSV content (a stream that cannot seek is first copied into memory).</param>
    /// <param name="name">The name used in error messages.</param>
    /// <param name="labels">The label columns to use; null to use every column that is not metadata.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="LabelledDataException">The content is malformed; the message names the line and field.</exception>
    public static LabelledDataset Load(Stream stream, string name, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var rows = new RowCollector();
        var fileLabels = ReadFile(stream, name, labels, rows);
        return new LabelledDataset(fileLabels, rows.Rows);
    }

    /// <summary>Returns the rows whose source is not in <paramref name="sources"/>.</summary>
    /// <param name="sources">Sources to leave out.</param>
    /// <returns>A new dataset.</returns>
    public LabelledDataset Without(IEnumerable<string> sources)
    {
        var excluded = new HashSet<string>(sources, StringComparer.Ordinal);
        return new LabelledDataset(Labels, Rows.Where(r => !excluded.Contains(r.Source)).ToList());
    }

    private static FileStream Open(string file)
    {
        try
        {
            return File.OpenRead(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabelledDataException(file, 0, null, "cannot be read: " + e.Message, e);
        }
    }

    /// <summary>Reads one file record by record, checking each as it comes; only the finished rows are kept.</summary>
    private static IReadOnlyList<string> ReadFile(Stream stream, string file, IReadOnlyList<string>? labels, RowCollector rows)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        var start = stream.Position;
        CheckEncoding(stream, file);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
            SkipEmptyLines = true,
            PoolStrings = true,
        };
        List<string> headers = [];
        long line = 1;
        try
        {
            using var csv = CsvReader.Create(stream, options, leaveOpen: true);
            csv.ReadHeader();
            headers = csv.Headers.ToList();
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

            var columns = new Columns(headers, fileLabels);
            var count = rows.Rows.Count;
            while (csv.Read())
            {
                line = csv.LineNumber;
                CheckRecord(csv, file, line, headers);
                rows.Add(ReadRow(csv, file, line, columns), file, line);
            }

            if (rows.Rows.Count == count)
            {
                throw new LabelledDataException(file, 2, null, "the file has a header but no rows");
            }

            return fileLabels;
        }
        catch (CsvFormatException e)
        {
            var at = e.LineNumber > 0 ? e.LineNumber : line;
            var field = FieldAt(stream, start, e.ByteOffset, headers);
            throw new LabelledDataException(file, at, field, "malformed CSV: " + CsvProblem().Replace(e.Message, string.Empty), e);
        }
    }

    /// <summary>Rejects byte-order marks, UTF-16 and binary content up front, with a message that says what to do.</summary>
    private static void CheckEncoding(Stream stream, string file)
    {
        var start = stream.Position;
        var head = new byte[4096];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            throw new LabelledDataException(file, 1, null, "the file is UTF-16; save it as UTF-8 without BOM");
        }

        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            var end = Array.FindIndex(head, 3, n - 3, b => b is (byte)',' or (byte)'\n' or (byte)'\r');
            var first = Encoding.UTF8.GetString(head, 3, (end < 0 ? n : end) - 3);
            throw new LabelledDataException(file, 1, first, "the file starts with a byte-order mark (before this first column name); save it as UTF-8 without BOM");
        }

        if (Array.IndexOf(head, (byte)0, 0, n) >= 0)
        {
            throw new LabelledDataException(file, 1, null, "the file contains NUL bytes: it is binary or UTF-16, not UTF-8 text");
        }
    }

    private static void CheckHeaders(string file, List<string> headers)
    {
        var undecodable = headers.FindIndex(h => h.Contains('\uFFFD', StringComparison.Ordinal));
        if (undecodable >= 0)
        {
            throw new LabelledDataException(file, 1, $"#{undecodable + 1}", "the header is not valid UTF-8; save the file as UTF-8 without BOM");
        }

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

    /// <summary>Checks that a record has the header's number of fields and is valid UTF-8, naming the field at fault.</summary>
    private static void CheckRecord(CsvReader csv, string file, long line, List<string> headers)
    {
        if (csv.FieldCount < headers.Count)
        {
            throw new LabelledDataException(file, line, headers[csv.FieldCount],
                $"missing: the row has {csv.FieldCount} fields but the header has {headers.Count}");
        }

        if (csv.FieldCount > headers.Count)
        {
            throw new LabelledDataException(file, line, $"#{headers.Count + 1}",
                $"extra field: the row has {csv.FieldCount} fields but the header has {headers.Count} (an unquoted comma in a text?)");
        }

        if (Utf8.IsValid(csv.RawRecord))
        {
            return;
        }

        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (!Utf8.IsValid(csv.GetRawSpan(i)))
            {
                throw new LabelledDataException(file, line, headers[i], "not valid UTF-8 (Windows-1252 or Latin-1?); save the file as UTF-8 without BOM");
            }
        }

        throw new LabelledDataException(file, line, null, "not valid UTF-8 (Windows-1252 or Latin-1?); save the file as UTF-8 without BOM");
    }

    /// <summary>
    /// The column at a byte offset of the input, found by scanning the quoting from the start: the column whose quote
    /// is still open there, else the column the offset falls in. Null at the very start of a record (the whole record
    /// is at fault) or when the offset is not known.
    /// </summary>
    private static string? FieldAt(Stream stream, long start, long offset, List<string> headers)
    {
        if (offset <= 0 || headers.Count == 0)
        {
            return null;
        }

        stream.Position = start;
        var buffer = new byte[1 << 16];
        long position = 0;
        int field = 0, quotedField = 0;
        var quoted = false;
        var atRecordStart = true;
        while (position < offset)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position));
            if (n == 0)
            {
                break;
            }

            foreach (var b in buffer.AsSpan(0, n))
            {
                atRecordStart = false;
                if (b == (byte)'"')
                {
                    quoted = !quoted;
                    quotedField = field;
                }
                else if (!quoted && b == (byte)',')
                {
                    field++;
                }
                else if (!quoted && b == (byte)'\n')
                {
                    field = 0;
                    atRecordStart = true;
                }
            }

            position += n;
        }

        var index = quoted ? quotedField : field;
        return atRecordStart && !quoted ? null : index < headers.Count ? headers[index] : $"#{index + 1}";
    }

    private static LabelledProvision ReadRow(CsvReader csv, string file, long line, Columns columns)
    {
        string Get(int index) => index >= 0 ? csv.GetString(index) ?? string.Empty : string.Empty;

        var id = Get(columns.Id).Trim();
        if (id.Length == 0)
        {
            throw new LabelledDataException(file, line, "id", "empty id");
        }

        var textValue = Get(columns.Text);
        if (string.IsNullOrWhiteSpace(textValue))
        {
            throw new LabelledDataException(file, line, "text", $"empty text (id '{id}')");
        }

        var values = new string[columns.Labels.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var (label, index) = columns.Labels[i];
            var value = Get(index);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new LabelledDataException(file, line, label, $"no label value (id '{id}'); expected {LabelValues.Allowed}");
            }

            values[i] = LabelValues.Canonical(value)
                ?? throw new LabelledDataException(file, line, label, $"unknown label value '{value.Trim()}' (id '{id}'); expected {LabelValues.Allowed}");
        }

        var source = Get(columns.Source).Trim();
        var group = Get(columns.Group).Trim();
        return new LabelledProvision(
            id,
            textValue,
            source,
            group.Length > 0 ? group : source,
            NullIfEmpty(Get(columns.Ref)),
            NullIfEmpty(Get(columns.Kind)),
            new LabelValueMap(columns.LabelNames, values),
            NullIfEmpty(Get(columns.Flags)),
            NullIfEmpty(Get(columns.Rationale)));
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^Malformed CSV in record \d+ \(line \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex CsvProblem();

    /// <summary>Where each column of a file is, so rows are read by index.</summary>
    private sealed class Columns(List<string> headers, IReadOnlyList<string> labels)
    {
        public int Id { get; } = headers.IndexOf("id");

        public int Text { get; } = headers.IndexOf("text");

        public int Source { get; } = headers.IndexOf("source");

        public int Group { get; } = headers.IndexOf("group");

        public int Ref { get; } = headers.IndexOf("ref");

        public int Kind { get; } = headers.IndexOf("kind");

        public int Flags { get; } = headers.IndexOf("flags");

        public int Rationale { get; } = headers.IndexOf("rationale");

        public IReadOnlyList<(string Label, int Index)> Labels { get; } = labels.Select(l => (l, headers.IndexOf(l))).ToList();

        public IReadOnlyList<string> LabelNames { get; } = labels.ToArray();
    }

    /// <summary>The rows read so far, across files, with where each id was first seen.</summary>
    private sealed class RowCollector
    {
        private readonly Dictionary<string, (string File, long Line)> seen = new(StringComparer.Ordinal);

        public List<LabelledProvision> Rows { get; } = [];

        public void Add(LabelledProvision row, string file, long line)
        {
            if (!seen.TryAdd(row.Id, (file, line)))
            {
                var (firstFile, firstLine) = seen[row.Id];
                throw new LabelledDataException(file, line, "id", $"duplicate id '{row.Id}' (first seen at {firstFile}:{firstLine})");
            }

            Rows.Add(row);
        }
    }
}
