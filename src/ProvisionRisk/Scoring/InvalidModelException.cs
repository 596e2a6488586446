namespace ProvisionRisk.Scoring;

/// <summary>Thrown when a model file is not a ProvisionRisk model, is damaged, or has a format this version cannot read.</summary>
public sealed class InvalidModelException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="InvalidModelException"/> class.</summary>
    public InvalidModelException()
        : this("The model could not be read.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InvalidModelException"/> class.</summary>
    /// <param name="message">The message.</param>
    public InvalidModelException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InvalidModelException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
