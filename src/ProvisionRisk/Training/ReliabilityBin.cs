namespace ProvisionRisk.Training;

/// <summary>One bin of a reliability table: predictions whose probability falls in <c>[From, To)</c>.</summary>
/// <param name="From">The bin's lower edge.</param>
/// <param name="To">The bin's upper edge.</param>
/// <param name="Count">How many predictions fall in the bin.</param>
/// <param name="MeanProbability">Their mean predicted probability.</param>
/// <param name="PositiveRate">The fraction of them that are positive.</param>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanProbability, double PositiveRate);
