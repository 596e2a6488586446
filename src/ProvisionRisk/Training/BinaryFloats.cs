using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ProvisionRisk.Training;

/// <summary>Reads and writes arrays of little-endian 32-bit floats in one block (model parts hold millions).</summary>
internal static class BinaryFloats
{
    public static float[] Read(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(checked(count * sizeof(float)));
        if (bytes.Length != count * sizeof(float))
        {
            throw new EndOfStreamException();
        }

        var result = new float[count];
        if (BitConverter.IsLittleEndian)
        {
            bytes.AsSpan().CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                result[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            }
        }

        return result;
    }

    public static void Write(BinaryWriter writer, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        foreach (var v in values)
        {
            writer.Write(v);
        }
    }
}
