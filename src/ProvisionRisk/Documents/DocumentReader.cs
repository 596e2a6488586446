using System.Text;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace ProvisionRisk.Documents;

/// <summary>
/// Reads a draft in any supported format (plain text, Markdown, HTML, PDF with a text layer, Word) and segments it
/// into provisions. Every format is converted to plain text, one paragraph a line, and cut by
/// <see cref="DocumentSegmenter"/>, so an instrument yields the same provisions from every format; PDF provisions
/// also carry their page, and footnotes become notes of the provisions that cite them.
/// </summary>
public static class DocumentReader
{
    private static readonly Dictionary<string, DocumentType> ExtensionFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = DocumentType.Text,
        [".md"] = DocumentType.Markdown,
        [".markdown"] = DocumentType.Markdown,
        [".html"] = DocumentType.Html,
        [".htm"] = DocumentType.Html,
        [".pdf"] = DocumentType.Pdf,
        [".docx"] = DocumentType.Docx,
    };

    /// <summary>Gets the file extensions read as documents, with their format.</summary>
    public static IReadOnlyDictionary<string, DocumentType> Extensions => ExtensionFormats;

    /// <summary>Gets the format of a file from its extension.</summary>
    /// <param name="path">The file's path or name.</param>
    /// <param name="format">The format, when the extension is supported.</param>
    /// <returns>True if the extension is supported.</returns>
    public static bool TryGetFormat(string path, out DocumentType format)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ExtensionFormats.TryGetValue(Path.GetExtension(path), out format);
    }

    /// <summary>Guesses the format of content from its first bytes: PDF, Word (a zip package), HTML, or else text.</summary>
    /// <param name="head">The content's first bytes (a few hundred are enough).</param>
    /// <returns>The likely format.</returns>
    public static DocumentType Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF"u8))
        {
            return DocumentType.Pdf;
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith(CompoundFileMagic))
        {
            return DocumentType.Docx;
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith('<') && text.Contains("<body", StringComparison.OrdinalIgnoreCase))
            ? DocumentType.Html
            : DocumentType.Text;
    }

    /// <summary>Gets the files of a folder that <see cref="Read(string)"/> reads (not its sub-folders, not hidden files), in name order.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The documents' paths.</returns>
    public static IReadOnlyList<string> DocumentsIn(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return Directory.GetFiles(directory)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && TryGetFormat(f, out _))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads and segments a document; its format comes from its extension and its name is
    /// <see cref="DocumentSegmenter.DocumentName(string)"/>.</summary>
    /// <param name="path">The document's path.</param>
    /// <returns>The provisions and structure of the document.</returns>
    /// <exception cref="DocumentReadException">The file is missing, of an unsupported type, empty, encrypted,
    /// image-only or corrupt; the message is one line naming the file.</exception>
    public static SegmentedDocument Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw DocumentReadException.For(path, "is a folder; read the documents in it (DocumentsIn)");
        }

        if (!TryGetFormat(path, out var format))
        {
            var extension = Path.GetExtension(path);
            throw DocumentReadException.For(path, $"unsupported file type '{(extension.Length == 0 ? "(none)" : extension)}' (supported: {string.Join(", ", ExtensionFormats.Keys)})");
        }

        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DocumentReadException.For(path, "no such file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DocumentReadException.For(path, "cannot be opened: " + e.Message, e);
        }

        using (stream)
        {
            return Read(stream, DocumentSegmenter.DocumentName(path), format, path);
        }
    }

    /// <summary>Reads and segments a document from a stream.</summary>
    /// <param name="stream">The document's bytes.</param>
    /// <param name="name">The document's name: used in provision identifiers and in error messages.</param>
    /// <param name="format">The document's format.</param>
    /// <returns>The provisions and structure of the document.</returns>
    /// <exception cref="DocumentReadException">The content is empty, encrypted, image-only or corrupt.</exception>
    public static SegmentedDocument Read(Stream stream, string name, DocumentType format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Read(stream, name, format, name);
    }

    private static readonly byte[] CompoundFileMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static SegmentedDocument Read(Stream stream, string name, DocumentType format, string displayName)
    {
        var bytes = ReadAll(stream);
        if (bytes.Length == 0 || (format is DocumentType.Text or DocumentType.Markdown or DocumentType.Html && bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')))
        {
            throw DocumentReadException.For(displayName, "the file is empty");
        }

        var extracted = Extract(bytes, format, displayName);
        if (string.IsNullOrWhiteSpace(extracted.Text))
        {
            throw DocumentReadException.For(displayName, "the document has no text");
        }

        var document = DocumentSegmenter.Segment(extracted.Text, name);
        return ProvisionAnnotator.AddPagesAndNotes(document, extracted);
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream is MemoryStream { Position: 0 } memory && memory.TryGetBuffer(out var buffer) && buffer.Offset == 0 && buffer.Count == memory.Length)
        {
            return buffer.Count == buffer.Array!.Length ? buffer.Array : memory.ToArray();
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static ExtractedText Extract(byte[] bytes, DocumentType format, string displayName)
    {
        switch (format)
        {
            case DocumentType.Text:
                return new ExtractedText(Decode(bytes, displayName), [], []);
            case DocumentType.Markdown:
                return MarkdownTextExtractor.Extract(Decode(bytes, displayName));
            case DocumentType.Html:
                return HtmlTextExtractor.Extract(new MemoryStream(bytes, writable: false));
            case DocumentType.Pdf:
                return ExtractPdf(bytes, displayName);
            case DocumentType.Docx:
                return ExtractDocx(bytes, displayName);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown document format");
        }
    }

    private static string Decode(byte[] bytes, string displayName)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0 && !(bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)))
        {
            throw DocumentReadException.For(displayName, "looks like a binary file, not text");
        }

        try
        {
            return DocumentText.Decode(bytes, displayName);
        }
        catch (InvalidDataException e)
        {
            throw new DocumentReadException(e.Message, e);
        }
    }

    private static ExtractedText ExtractPdf(byte[] bytes, string displayName)
    {
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF"u8) < 0)
        {
            throw DocumentReadException.For(displayName, "not a PDF file (no %PDF header)");
        }

        try
        {
            return PdfTextExtractor.Extract(new MemoryStream(bytes, writable: false));
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw DocumentReadException.For(displayName, "the PDF is encrypted (password-protected); save an unprotected copy", e);
        }
        catch (InvalidDataException e)
        {
            throw DocumentReadException.For(displayName, e.Message, e);
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or FormatException
            or IndexOutOfRangeException or NullReferenceException or InvalidCastException or KeyNotFoundException or IOException
            or NotSupportedException or OverflowException)
        {
            throw DocumentReadException.For(displayName, "not a readable PDF (damaged or unsupported): " + e.Message, e);
        }
    }

    private static ExtractedText ExtractDocx(byte[] bytes, string displayName)
    {
        if (bytes.AsSpan().StartsWith(CompoundFileMagic))
        {
            throw DocumentReadException.For(displayName, "the Word file is encrypted (password-protected) or in the old .doc format; save it as an unprotected .docx");
        }

        try
        {
            return DocxTextExtractor.Extract(new MemoryStream(bytes, writable: false));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException
            or InvalidOperationException or ArgumentException or System.Xml.XmlException or NotSupportedException or KeyNotFoundException)
        {
            throw DocumentReadException.For(displayName, "not a readable Word (.docx) document (damaged or another format): " + e.Message, e);
        }
    }
}
