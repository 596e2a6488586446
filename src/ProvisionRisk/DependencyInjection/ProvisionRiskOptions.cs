using ProvisionRisk.Scoring;

namespace ProvisionRisk;

/// <summary>
/// Options for the <see cref="RiskModel"/> that <c>services.AddProvisionRisk(...)</c> registers. They are validated
/// when the model is first resolved from the container.
/// </summary>
public sealed class ProvisionRiskOptions
{
    /// <summary>Gets or sets the path of a model bundle to use instead of the model shipped in the package: one written by
    /// <see cref="RiskModel.Save(string)"/> or <c>provisionrisk train</c>. A relative path is resolved against the current
    /// directory when the model is loaded.</summary>
    /// <value>The default value is <see langword="null"/>: the default model, <see cref="RiskModel.Default"/>.</value>
    public string? ModelPath { get; set; }

    /// <summary>Throws if an option is invalid.</summary>
    /// <exception cref="ArgumentException"><see cref="ModelPath"/> is empty, only white space, or not a valid path.</exception>
    public void Validate()
    {
        if (ModelPath is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            throw new ArgumentException("ModelPath must be null (the default model) or the path of a model file, not empty.", nameof(ModelPath));
        }

        if (ModelPath.Contains('\0', StringComparison.Ordinal) || ModelPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new ArgumentException($"ModelPath '{ModelPath}' is not a valid path.", nameof(ModelPath));
        }
    }
}
