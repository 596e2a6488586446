using System.IO.Compression;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Scoring;

/// <summary>Damaged or hostile model bundles: an <see cref="InvalidModelException"/> with a clear message, never another
/// exception, and nothing written outside the temporary folder.</summary>
[Collection(Serial.Name)]
public sealed class ModelFileSafetyTests
{
    [Fact]
    public void Loading_good_and_hostile_bundles_writes_nothing_outside_the_temporary_folder()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var root = new TempDirectory();
        var temp = Directory.CreateDirectory(root.File("tmp")).FullName;
        var folder = Directory.CreateDirectory(root.File("models/inner")).FullName;
        var good = Path.Combine(folder, "good.model");
        TinyModel.Model.Save(good);
        var hostile = new[] { "../escaped.txt", "../../escaped.txt", "labels/../../escaped.txt", "/provisionrisk-escaped-absolute.txt", "..\\escaped.txt" };
        for (var i = 0; i < hostile.Length; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"hostile{i}.model"), WithEntry(File.ReadAllBytes(good), hostile[i]));
        }

        var before = Snapshot(root.Path);
        var workingDirectory = Snapshot(Directory.GetCurrentDirectory());
        var saved = Environment.GetEnvironmentVariable("TMPDIR");
        Environment.SetEnvironmentVariable("TMPDIR", temp);
        try
        {
            Assert.Equal(TinyModel.Model.Labels, RiskModel.Load(good).Labels);
            for (var i = 0; i < hostile.Length; i++)
            {
                var e = Assert.Throws<InvalidModelException>(() => RiskModel.Load(Path.Combine(folder, $"hostile{i}.model")));
                Assert.Contains("unexpected entry", e.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", saved);
        }

        // ML.NET unpacks the inner models into a folder of its own under the temporary folder, and removes it.
        Assert.Equal(before, Snapshot(root.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
        Assert.Equal(workingDirectory, Snapshot(Directory.GetCurrentDirectory()));
        Assert.False(File.Exists("/provisionrisk-escaped-absolute.txt"));
    }

    /// <summary>ML.NET's readers can hang or crash on a damaged model, so every entry is checked against the manifest's
    /// SHA-256 before any model is read: damage that the zip's own checks miss is still refused.</summary>
    [Fact]
    public void Damaged_entries_inside_a_bundle_give_an_invalid_model_exception_or_a_working_model()
    {
        var bundle = Bundle();
        var entries = Entries(bundle);
        var random = new Random(2024);
        foreach (var (name, content) in entries)
        {
            for (var trial = 0; trial < 6; trial++)
            {
                var damaged = (byte[])content.Clone();
                switch (trial % 3)
                {
                    case 0:
                        damaged = damaged[..random.Next(damaged.Length)];
                        break;
                    case 1:
                        for (var k = 0; k < 8; k++)
                        {
                            damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                        }

                        break;
                    default:
                        random.NextBytes(damaged.AsSpan(random.Next(damaged.Length / 2)));
                        break;
                }

                var bytes = Replace(bundle, name, damaged);
                try
                {
                    var model = RiskModel.Load(new MemoryStream(bytes));
                    var score = model.Score("Any person who publishes false information commits an offence.");
                    Assert.All(score.Labels, l => Assert.InRange(l.Probability, 0, 1));
                }
                catch (InvalidModelException e)
                {
                    Assert.StartsWith("model stream: ", e.Message, StringComparison.Ordinal);
                    if (name != "manifest.json")
                    {
                        Assert.Contains($"entry '{name}' is damaged", e.Message, StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    private static List<string> Snapshot(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(directory, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    private static byte[] Bundle()
    {
        using var stream = new MemoryStream();
        TinyModel.Model.Save(stream);
        return stream.ToArray();
    }

    private static List<(string Name, byte[] Content)> Entries(byte[] bundle)
    {
        using var zip = new ZipArchive(new MemoryStream(bundle), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }

    private static byte[] Replace(byte[] bundle, string entry, byte[] content)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in Entries(bundle))
            {
                using var target = zip.CreateEntry(name).Open();
                target.Write(name == entry ? content : bytes);
            }
        }

        return output.ToArray();
    }

    private static byte[] WithEntry(byte[] bundle, string name)
    {
        var output = new MemoryStream();
        output.Write(bundle);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var s = zip.CreateEntry(name).Open();
            s.Write("escaped"u8);
        }

        return output.ToArray();
    }
}
