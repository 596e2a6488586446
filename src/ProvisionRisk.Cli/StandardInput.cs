using System.Text;

namespace ProvisionRisk.Cli;

/// <summary>Standard input, read once: as bytes when the tool was given a stream (so PDF and Word can be piped in),
/// or as text.</summary>
internal sealed class StandardInput
{
    private readonly TextReader? text;
    private readonly Stream? binary;
    private byte[]? bytes;

    public StandardInput(TextReader text) => this.text = text;

    public StandardInput(Stream binary) => this.binary = binary;

    /// <summary>Gets the bytes of standard input (text given as a reader is encoded as UTF-8).</summary>
    public byte[] Bytes()
    {
        if (bytes is not null)
        {
            return bytes;
        }

        if (binary is not null)
        {
            using var copy = new MemoryStream();
            binary.CopyTo(copy);
            bytes = copy.ToArray();
        }
        else
        {
            bytes = new UTF8Encoding(false).GetBytes(text!.ReadToEnd());
        }

        return bytes;
    }
}
