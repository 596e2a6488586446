namespace ProvisionRisk.Reports;

/// <summary>The formats a report can be written in.</summary>
public enum ReportFormat
{
    /// <summary>A ranked plain-text table for reading in a terminal.</summary>
    Table,

    /// <summary>One JSON object per line (schema 1), in input order; streams.</summary>
    Jsonl,

    /// <summary>One JSON document with every provision, in input order.</summary>
    Json,

    /// <summary>CSV, safe to open in a spreadsheet (formula injection escaped); streams.</summary>
    Csv,

    /// <summary>Markdown, ranked, to paste into a briefing.</summary>
    Markdown,

    /// <summary>One self-contained HTML page, ranked, with filters, highlighted evidence, flags, precedents and cross-references.</summary>
    Html,
}
