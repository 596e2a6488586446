namespace ProvisionRisk.Reports;

/// <summary>The formats a score report can be written in.</summary>
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
}
