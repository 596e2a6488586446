using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace ProvisionRisk.Reports;

/// <summary>
/// Writes scored provisions as a report. <see cref="ReportFormat.Jsonl"/> and <see cref="ReportFormat.Csv"/>
/// stream (memory bounded by the batch being written); <see cref="ReportFormat.Table"/> ranks provisions by risk;
/// <see cref="ReportFormat.Json"/> writes one document.
/// </summary>
public sealed class ScoreReportWriter : IDisposable
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter output;
    private readonly ReportFormat format;
    private readonly IReadOnlyList<string> labels;
    private readonly List<ScoredProvision> ranked = [];
    private CsvWriter? csv;
    private Utf8JsonWriter? json;
    private MemoryStream? jsonBuffer;
    private bool finished;

    /// <summary>Initializes a new instance of the <see cref="ScoreReportWriter"/> class.</summary>
    /// <param name="output">The destination; it is left open.</param>
    /// <param name="format">The report format.</param>
    /// <param name="labels">The model's labels, in order (columns of the table and CSV).</param>
    public ScoreReportWriter(TextWriter output, ReportFormat format, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(labels);
        this.output = output;
        this.format = format;
        this.labels = labels;
    }

    /// <summary>Adds scored provisions to the report.</summary>
    /// <param name="items">The scored provisions.</param>
    public void Write(IEnumerable<ScoredProvision> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Write(item);
        }
    }

    /// <summary>Adds one scored provision to the report.</summary>
    /// <param name="item">The scored provision.</param>
    public void Write(ScoredProvision item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ObjectDisposedException.ThrowIf(finished, this);
        switch (format)
        {
            case ReportFormat.Jsonl:
                output.WriteLine(ToJson(item));
                break;
            case ReportFormat.Csv:
                WriteCsv(item);
                break;
            case ReportFormat.Json:
                WriteJsonItem(item);
                break;
            default:
                ranked.Add(item);
                break;
        }
    }

    /// <summary>Completes the report (the table is written here) and flushes it.</summary>
    public void Finish()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        switch (format)
        {
            case ReportFormat.Table:
                WriteTable();
                break;
            case ReportFormat.Csv:
                EnsureCsv();
                csv!.Flush();
                break;
            case ReportFormat.Json:
                EnsureJson();
                json!.WriteEndArray();
                json.WriteEndObject();
                json.Flush();
                output.Write(Encoding.UTF8.GetString(jsonBuffer!.ToArray()));
                output.WriteLine();
                break;
        }

        output.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Finish();
        csv?.Dispose();
        json?.Dispose();
        jsonBuffer?.Dispose();
    }

    /// <summary>Formats one scored provision as a single-line JSON object (schema 1).</summary>
    /// <param name="item">The scored provision.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(ScoredProvision item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            ScoreJson.WriteObject(w, item);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteJsonItem(ScoredProvision item)
    {
        EnsureJson();
        ScoreJson.WriteObject(json!, item);
    }

    private void EnsureJson()
    {
        if (json is not null)
        {
            return;
        }

        jsonBuffer = new MemoryStream();
        json = new Utf8JsonWriter(jsonBuffer, new JsonWriterOptions { Encoder = JsonOptions.Encoder, Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schema", 1);
        json.WriteStartArray("labels");
        foreach (var l in labels)
        {
            json.WriteStringValue(l);
        }

        json.WriteEndArray();
        json.WriteStartArray("provisions");
    }

    private void EnsureCsv()
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

        header.Add("text");
        csv.WriteRecord(header.ToArray());
    }

    private void WriteCsv(ScoredProvision item)
    {
        EnsureCsv();
        var s = item.Score;
        var row = new List<string>
        {
            item.Id, item.Document, s.Provision?.Ref ?? string.Empty, s.Kind ?? string.Empty,
            s.Provision?.Line.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
        foreach (var l in labels)
        {
            var ls = s.Get(l);
            row.Add(ls.Probability.ToString("0.0000", CultureInfo.InvariantCulture));
            row.Add(ls.Flagged ? "true" : "false");
            row.Add(string.Join("; ", ls.Evidence.Select(e => e.Feature + " (" + e.Weight.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + ")")));
        }

        row.Add(s.Text);
        csv!.WriteRecord(row.ToArray());
    }

    private void WriteTable()
    {
        var order = ranked.Select((item, i) => (item, i))
            .OrderByDescending(x => x.item.Score.MaxProbability).ThenBy(x => x.i).Select(x => x.item).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"#",4}  {"provision",-34} {"kind",-17}");
        foreach (var l in labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {Shorten(l, 12),12}");
        }

        sb.Append("  reasons");
        output.WriteLine(sb.ToString());
        var rank = 0;
        foreach (var item in order)
        {
            rank++;
            var s = item.Score;
            sb.Clear();
            var name = s.Provision is { } p ? p.Document + " " + p.Ref : item.Id;
            sb.Append(CultureInfo.InvariantCulture, $"{rank,4}  {Shorten(name, 34),-34} {Shorten(s.Kind ?? "-", 17),-17}");
            foreach (var l in labels)
            {
                var ls = s.Get(l);
                var mark = ls.Flagged ? "*" : " ";
                sb.Append(CultureInfo.InvariantCulture, $" {ls.Probability,11:0.00}{mark}");
            }

            var top = s.Labels.OrderByDescending(l => l.Probability).First();
            var reasons = top.Evidence.Where(e => e.Weight > 0).Take(3).Select(e => e.Feature);
            sb.Append("  ").Append(top.Label).Append(": ").Append(string.Join(", ", reasons));
            output.WriteLine(sb.ToString());
        }

        output.WriteLine();
        output.WriteLine($"{order.Count} provisions; * = at or above the label's threshold.");
    }

    private static string Shorten(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
