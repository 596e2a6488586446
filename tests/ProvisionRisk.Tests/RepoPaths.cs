namespace ProvisionRisk.Tests;

/// <summary>Paths inside the repository, found by walking up from the test binaries to ProvisionRisk.sln.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProvisionRisk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ProvisionRisk.sln not found above the test binaries.");
    });

    public static string Root => RootPath.Value;

    public static string TrainingData => Path.Combine(Root, "training-data");

    public static string Instruments => Path.Combine(Root, "training-data", "instruments");

    public static string SegmentationFixtures => Path.Combine(Root, "tests", "ProvisionRisk.Tests", "Fixtures", "segmentation");

    public static string ShippedModel => Path.Combine(Root, "models", "provisionrisk.model");

    public static IEnumerable<string> InstrumentFiles() =>
        Directory.GetFiles(Instruments, "*.txt").Order(StringComparer.Ordinal);
}
