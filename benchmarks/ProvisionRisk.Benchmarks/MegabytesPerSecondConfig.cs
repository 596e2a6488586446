using BenchmarkDotNet.Configs;

namespace ProvisionRisk.Benchmarks;

/// <summary>Adds a megabytes-per-second column to the segmentation benchmark (the UTF-8 size of the instruments' files,
/// 10^6 bytes to the megabyte).</summary>
public sealed class MegabytesPerSecondConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="MegabytesPerSecondConfig"/> class.</summary>
    public MegabytesPerSecondConfig() =>
        AddColumn(new PerSecondColumn("MB/s", "Megabytes (10^6 bytes of UTF-8 input) segmented per second",
            _ => SegmentationBenchmarks.InputBytes / 1e6));
}
