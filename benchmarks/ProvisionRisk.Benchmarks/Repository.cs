namespace ProvisionRisk.Benchmarks;

/// <summary>
/// Where the benchmarks find their inputs: the repository root (the folder holding <c>ProvisionRisk.sln</c>, found by
/// walking up from the running program, or given by <c>PROVISIONRISK_ROOT</c>), the labelled provisions, the
/// instruments' texts and the model bundle (the shipped one, or <c>PROVISIONRISK_MODEL</c>).
/// </summary>
public static class Repository
{
    /// <summary>The environment variable that names the repository root.</summary>
    public const string RootVariable = "PROVISIONRISK_ROOT";

    /// <summary>The environment variable that names a model bundle to use instead of the shipped one.</summary>
    public const string ModelVariable = "PROVISIONRISK_MODEL";

    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above the program holds <c>ProvisionRisk.sln</c>.</exception>
    public static string Root => RootPath.Value;

    /// <summary>Gets the folder of labelled provisions (<c>training-data/</c>).</summary>
    public static string TrainingData => Path.Combine(Root, "training-data");

    /// <summary>Gets the folder of the instruments' texts (<c>training-data/instruments/</c>).</summary>
    public static string Instruments => Path.Combine(TrainingData, "instruments");

    /// <summary>Gets the model bundle file: <c>PROVISIONRISK_MODEL</c> if set, else the shipped
    /// <c>models/provisionrisk.model</c>.</summary>
    public static string ModelFile => ModelOverride ?? Path.Combine(Root, "models", "provisionrisk.model");

    /// <summary>Gets the model bundle named by <c>PROVISIONRISK_MODEL</c>, or null to use the shipped model.</summary>
    public static string? ModelOverride =>
        Environment.GetEnvironmentVariable(ModelVariable) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>Gets the instruments' text files, in name order.</summary>
    public static IReadOnlyList<string> InstrumentFiles =>
        Directory.GetFiles(Instruments, "*.txt").Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } given)
        {
            return File.Exists(Path.Combine(given, "ProvisionRisk.sln"))
                ? Path.GetFullPath(given)
                : throw new DirectoryNotFoundException($"{RootVariable}={given}: no ProvisionRisk.sln there");
        }

        // BenchmarkDotNet runs each benchmark from a generated copy of this project under the repository (or under
        // the artifacts folder given to it), so the walk starts from wherever the running program lives.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ProvisionRisk.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"no folder above {AppContext.BaseDirectory} or {Environment.CurrentDirectory} holds ProvisionRisk.sln; set {RootVariable}");
    }
}
