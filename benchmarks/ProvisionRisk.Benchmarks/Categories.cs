namespace ProvisionRisk.Benchmarks;

/// <summary>Benchmark categories, for <c>--anyCategories</c> and this program's <c>--exclude-category</c>.</summary>
public static class Categories
{
    /// <summary>Benchmarks that take minutes: left out of quick runs.</summary>
    public const string Long = "Long";

    /// <summary>Training the default model.</summary>
    public const string Training = "Training";

    /// <summary>Scoring: latency and throughput.</summary>
    public const string Scoring = "Scoring";

    /// <summary>Reading: segmentation and model loading.</summary>
    public const string Reading = "Reading";
}
