namespace ProvisionRisk.Documents;

/// <summary>A document cannot be read: its type is not supported, or it is empty, encrypted, image-only or corrupt.
/// The message is one line that starts with the document's name.</summary>
public sealed class DocumentReadException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DocumentReadException"/> class.</summary>
    public DocumentReadException()
        : this("the document cannot be read")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DocumentReadException"/> class.</summary>
    /// <param name="message">The one-line message.</param>
    public DocumentReadException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DocumentReadException"/> class.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="innerException">The cause.</param>
    public DocumentReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Builds the exception for <paramref name="name"/>, with the cause's message reduced to one line.</summary>
    internal static DocumentReadException For(string name, string reason, Exception? cause = null)
    {
        var message = name + ": " + OneLine(reason);
        return cause is null ? new DocumentReadException(message) : new DocumentReadException(message, cause);
    }

    internal static string OneLine(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
