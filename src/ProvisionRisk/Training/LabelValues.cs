namespace ProvisionRisk.Training;

/// <summary>The label values a training file may use: <c>yes</c>, <c>partial</c>, <c>1</c>, <c>true</c> are
/// positive; <c>no</c>, <c>n/a</c>, <c>0</c>, <c>false</c> are negative (n/a: the risk does not arise).</summary>
internal static class LabelValues
{
    private static readonly HashSet<string> Positive = new(StringComparer.OrdinalIgnoreCase) { "yes", "partial", "1", "true" };
    private static readonly HashSet<string> Negative = new(StringComparer.OrdinalIgnoreCase) { "no", "n/a", "0", "false" };

    /// <summary>Gets the allowed values, for messages.</summary>
    public static string Allowed => "yes, partial, 1, true (positive) or no, n/a, 0, false (negative)";

    /// <summary>Whether <paramref name="value"/> is an allowed label value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True if allowed.</returns>
    public static bool IsValid(string value) => Canonical(value) is not null;

    /// <summary>The lower-case form of an allowed value, one shared instance per value (so a large file does not hold
    /// a copy per row), or null when <paramref name="value"/> is not allowed.</summary>
    /// <param name="value">The value as written, in any case, with surrounding white space.</param>
    /// <returns>For example <c>partial</c> for <c> Partial </c>.</returns>
    public static string? Canonical(string value)
    {
        var trimmed = value.Trim();
        return Positive.TryGetValue(trimmed, out var positive) ? positive
            : Negative.TryGetValue(trimmed, out var negative) ? negative
            : null;
    }

    /// <summary>Whether <paramref name="value"/> is a positive label value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True if positive.</returns>
    public static bool IsPositive(string value) => Positive.Contains(value.Trim());
}
