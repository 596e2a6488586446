namespace ProvisionRisk.Training;

/// <summary>The label values a training file may use: <c>yes</c>, <c>partial</c>, <c>1</c>, <c>true</c> are
/// positive; <c>no</c>, <c>n/a</c>, <c>0</c>, <c>false</c> are negative (n/a: the risk does not arise).</summary>
public static class LabelValues
{
    private static readonly HashSet<string> Positive = new(StringComparer.OrdinalIgnoreCase) { "yes", "partial", "1", "true" };
    private static readonly HashSet<string> Negative = new(StringComparer.OrdinalIgnoreCase) { "no", "n/a", "0", "false" };

    /// <summary>Gets the allowed values, for messages.</summary>
    public static string Allowed => "yes, partial, 1, true (positive) or no, n/a, 0, false (negative)";

    /// <summary>Whether <paramref name="value"/> is an allowed label value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True if allowed.</returns>
    public static bool IsValid(string value) => Positive.Contains(value.Trim()) || Negative.Contains(value.Trim());

    /// <summary>Whether <paramref name="value"/> is a positive label value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True if positive.</returns>
    public static bool IsPositive(string value) => Positive.Contains(value.Trim());
}
