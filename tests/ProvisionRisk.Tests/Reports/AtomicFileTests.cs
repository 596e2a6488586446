namespace ProvisionRisk.Tests.Reports;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_write_that_fails_halfway_leaves_the_previous_file_and_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.bin");
        File.WriteAllText(path, "previous");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new IOException("disk full");
        }));

        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_complete_write_replaces_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nested/model.bin");
        AtomicFile.WriteText(path, w => w.Write("first"));
        AtomicFile.WriteText(path, w => w.Write("second"));
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Writes_straight_to_a_device_and_leaves_it_a_device()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.True(AtomicFile.IsDevice(@"C:\work\NUL"));
            return;
        }

        AtomicFile.WriteText("/dev/null", w => w.Write("discarded"));
        Assert.True(AtomicFile.IsDevice("/dev/null"));
        Assert.Equal(0, new FileInfo("/dev/null").Length);
        Assert.Equal(string.Empty, File.ReadAllText("/dev/null"));
        Assert.False(AtomicFile.IsDevice("/tmp/dev/null"));
    }
}
