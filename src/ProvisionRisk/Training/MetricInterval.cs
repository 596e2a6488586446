namespace ProvisionRisk.Training;

/// <summary>A 95% bootstrap interval of a metric.</summary>
/// <param name="Low">The 2.5th percentile.</param>
/// <param name="High">The 97.5th percentile.</param>
public sealed record MetricInterval(double Low, double High);
