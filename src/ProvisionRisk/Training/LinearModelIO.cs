namespace ProvisionRisk.Training;

/// <summary>Reads and writes a <see cref="LinearModel"/> as little-endian binary: count, bias, weights.</summary>
internal static class LinearModelIO
{
    public static void Write(LinearModel model, Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(model.Weights.Length);
        w.Write(model.Bias);
        BinaryFloats.Write(w, model.Weights);
    }

    public static LinearModel Read(Stream stream, int expectedCount)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var count = r.ReadInt32();
        if (count != expectedCount)
        {
            throw new InvalidDataException($"the linear model has {count} weights but the featurizer produces {expectedCount} features");
        }

        var bias = r.ReadSingle();
        return new LinearModel(BinaryFloats.Read(r, count), bias);
    }
}
