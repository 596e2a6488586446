namespace ProvisionRisk.Training;

/// <summary>Thrown when a labelled-data file cannot be read: the message names the file, the line and the field.</summary>
public sealed class LabelledDataException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="LabelledDataException"/> class.</summary>
    public LabelledDataException()
        : this("The labelled data could not be read.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LabelledDataException"/> class.</summary>
    /// <param name="message">The message.</param>
    public LabelledDataException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LabelledDataException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LabelledDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LabelledDataException"/> class for a problem at a place in a file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="line">The one-based line, or 0 when the problem is the whole file.</param>
    /// <param name="field">The field (column) concerned, if any.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public LabelledDataException(string file, long line, string? field, string problem, Exception? innerException = null)
        : base(Format(file, line, field, problem), innerException)
    {
        File = file;
        Line = line;
        Field = field;
    }

    /// <summary>Gets the file that could not be read.</summary>
    public string? File { get; }

    /// <summary>Gets the one-based line of the problem, or 0 when it concerns the whole file.</summary>
    public long Line { get; }

    /// <summary>Gets the field (column) concerned, if any.</summary>
    public string? Field { get; }

    private static string Format(string file, long line, string? field, string problem)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return field is null ? $"{where}: {problem}" : $"{where}: field '{field}': {problem}";
    }
}
