using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ProvisionRisk.Benchmarks;

/// <summary>A throughput column: units processed per second, from the mean time of one operation.</summary>
public sealed class PerSecondColumn : IColumn
{
    private readonly Func<BenchmarkCase, double> unitsPerOperation;

    /// <summary>Initializes a new instance of the <see cref="PerSecondColumn"/> class.</summary>
    /// <param name="columnName">The column's heading, e.g. <c>Provisions/s</c>.</param>
    /// <param name="legend">What the column means.</param>
    /// <param name="unitsPerOperation">The units one operation processes (1 when <c>OperationsPerInvoke</c> already
    /// counts single units).</param>
    public PerSecondColumn(string columnName, string legend, Func<BenchmarkCase, double> unitsPerOperation)
    {
        ColumnName = columnName;
        Legend = legend;
        this.unitsPerOperation = unitsPerOperation;
    }

    /// <inheritdoc />
    public string Id => nameof(PerSecondColumn) + "." + ColumnName;

    /// <inheritdoc />
    public string ColumnName { get; }

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend { get; }

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0)
        {
            return "NA";
        }

        var perSecond = unitsPerOperation(benchmarkCase) / (mean.Value / 1e9);
        return perSecond.ToString(perSecond >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}
