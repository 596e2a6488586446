using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProvisionRisk.Reports;

/// <summary>
/// Writes scored provisions as a report. <see cref="ReportFormat.Jsonl"/> and <see cref="ReportFormat.Csv"/> stream
/// in input order (memory bounded by the batch being written); the ranked formats (<see cref="ReportFormat.Table"/>,
/// <see cref="ReportFormat.Markdown"/>, <see cref="ReportFormat.Html"/>) keep only what they show, the
/// <see cref="ReportOptions.Top"/> highest-risk provisions when a limit is set; <see cref="ReportFormat.Json"/> writes
/// one document. <see cref="ReportOptions"/> filters and ranks every format (with a limit, the streaming formats write
/// the top provisions in rank order when the report is finished).
/// </summary>
public sealed class ScoreReportWriter : IDisposable
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter output;
    private readonly ReportFormat format;
    private readonly IReadOnlyList<string> labels;
    private readonly ReportOptions options;
    private readonly TopRanking<ScoredProvision>? ranking;
    private readonly List<(string Document, string Message)> warnings = [];
    private readonly HashSet<string> documents = new(StringComparer.Ordinal);
    private ScoreCsv? csv;
    private Utf8JsonWriter? json;
    private MemoryStream? jsonBuffer;
    private bool finished;

    /// <summary>Initializes a new instance of the <see cref="ScoreReportWriter"/> class.</summary>
    /// <param name="output">The destination; it is left open.</param>
    /// <param name="format">The report format.</param>
    /// <param name="labels">The model's labels, in order (columns of the table and CSV).</param>
    /// <param name="options">What to show; null shows every provision.</param>
    /// <exception cref="ArgumentException">An option is out of range or names an unknown label.</exception>
    public ScoreReportWriter(TextWriter output, ReportFormat format, IReadOnlyList<string> labels, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(labels);
        this.options = options ?? ReportOptions.Default;
        this.options.Validate(labels);
        this.output = output;
        this.format = format;
        this.labels = labels;
        var ranked = format is ReportFormat.Table or ReportFormat.Markdown or ReportFormat.Html;
        ranking = ranked || this.options.Top is not null ? new TopRanking<ScoredProvision>(this.options.Top) : null;
    }

    /// <summary>Gets the number of provisions written or kept so far (after filtering).</summary>
    public int Shown { get; private set; }

    /// <summary>Gets the number of provisions given to the report (before filtering).</summary>
    public int Scored { get; private set; }

    /// <summary>Gets the number of provisions held in memory for ranking (at most <see cref="ReportOptions.Top"/> when set).</summary>
    public int Held => ranking?.Count ?? 0;

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

    /// <summary>Adds one scored provision to the report (it is left out if it does not pass the options' filters).</summary>
    /// <param name="item">The scored provision.</param>
    public void Write(ScoredProvision item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ObjectDisposedException.ThrowIf(finished, this);
        Scored++;
        documents.Add(item.Document);
        if (!Passes(item))
        {
            return;
        }

        Shown++;
        if (ranking is not null)
        {
            ranking.Add(item, item.Risk(options.Label));
            return;
        }

        Emit(item);
    }

    /// <summary>Adds a warning about a document (for example that its scores may not be meaningful); the Markdown,
    /// HTML, JSON and table reports show it.</summary>
    /// <param name="document">The document's name.</param>
    /// <param name="message">The warning.</param>
    public void Warn(string document, string message)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(message);
        warnings.Add((document, message));
    }

    /// <summary>Completes the report (ranked formats are written here) and flushes it.</summary>
    public void Finish()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        var ranked = ranking?.Ranked() ?? [];
        var context = new ReportContext(labels, options, ReportText.Title(documents, options.Title), Scored, warnings);
        switch (format)
        {
            case ReportFormat.Table:
                TableReport.Write(ranked, context, output);
                break;
            case ReportFormat.Markdown:
                MarkdownReport.Write(ranked, context, output);
                break;
            case ReportFormat.Html:
                HtmlReport.Write(ranked, context, output);
                break;
            default:
                foreach (var item in ranked)
                {
                    Emit(item);
                }

                break;
        }

        if (format == ReportFormat.Csv)
        {
            (csv ??= new ScoreCsv(output, labels)).Flush();
        }
        else if (format == ReportFormat.Json)
        {
            EnsureJson();
            json!.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var (document, message) in warnings)
            {
                json.WriteStartObject();
                json.WriteString("document", document);
                json.WriteString("message", message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            output.Write(Encoding.UTF8.GetString(jsonBuffer!.ToArray()));
            output.WriteLine();
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

    private bool Passes(ScoredProvision item)
    {
        if (options.MinScore is { } min)
        {
            return item.Risk(options.Label) >= min;
        }

        return options.Label is null || item.Score.Get(options.Label).Flagged;
    }

    private void Emit(ScoredProvision item)
    {
        switch (format)
        {
            case ReportFormat.Jsonl:
                output.WriteLine(ToJson(item));
                break;
            case ReportFormat.Csv:
                (csv ??= new ScoreCsv(output, labels)).Write(item);
                break;
            case ReportFormat.Json:
                EnsureJson();
                ScoreJson.WriteObject(json!, item);
                break;
        }
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
        ScoreJson.WriteStrings(json, "labels", labels);
        json.WriteStartArray("provisions");
    }
}
