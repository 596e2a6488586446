namespace ProvisionRisk.Scoring;

/// <summary>Platt scaling parameters: a raw score <c>s</c> maps to <c>1 / (1 + exp(A·s + B))</c>.</summary>
/// <param name="A">The slope (negative for a score that grows with the risk).</param>
/// <param name="B">The intercept.</param>
public sealed record CalibrationParameters(double A, double B);
