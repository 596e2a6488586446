using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ProvisionRisk.Documents;

/// <summary>Reads a document file as text: UTF-8 (a byte-order mark is allowed, as is UTF-16 with one), refusing binary
/// files and bytes that are not UTF-8 with the line where they are, rather than guessing.</summary>
internal static class DocumentText
{
    public static string Read(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>Decodes a document's bytes (see <see cref="Read"/>); <paramref name="path"/> names it in errors.</summary>
    public static string Decode(byte[] bytes, string path)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF ? new UnicodeEncoding(false, true, true) : new UnicodeEncoding(true, true, true);
            try
            {
                return Check(utf16.GetString(bytes, 2, bytes.Length - 2), path);
            }
            catch (DecoderFallbackException e)
            {
                throw new InvalidDataException($"{path}: not valid UTF-16 text", e);
            }
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var utf8 = bytes.AsSpan(start);
        if (!Utf8.IsValid(utf8))
        {
            var at = FirstInvalidByte(utf8);
            var line = utf8[..at].Count((byte)'\n') + 1;
            throw new InvalidDataException($"{path}: not valid UTF-8 text (line {line}, byte {start + at}); save it as UTF-8");
        }

        return Check(Encoding.UTF8.GetString(utf8), path);
    }

    /// <summary>Throws when <paramref name="text"/> holds NUL characters, which no draft has but binary files do.</summary>
    public static string Check(string text, string name) =>
        text.Contains('\0', StringComparison.Ordinal)
            ? throw new InvalidDataException($"{name}: looks like a binary file, not text")
            : text;

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var offset = 0;
            while (true)
            {
                var chunk = utf8[offset..Math.Min(utf8.Length, offset + (1 << 15))];
                var status = Utf8.ToUtf16(chunk, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: offset + chunk.Length == utf8.Length);
                if (status == System.Buffers.OperationStatus.InvalidData || read == 0)
                {
                    return offset + read;
                }

                offset += read;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
