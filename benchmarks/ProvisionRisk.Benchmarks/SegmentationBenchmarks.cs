using BenchmarkDotNet.Attributes;
using ProvisionRisk.Documents;

namespace ProvisionRisk.Benchmarks;

/// <summary>
/// Segmentation throughput: <see cref="DocumentSegmenter.Segment"/> over the text of every instrument in
/// <c>training-data/instruments/</c>, one document each, per operation; the MB/s column divides their UTF-8 size by
/// the mean time.
/// </summary>
[BenchmarkCategory(Categories.Reading)]
[FixedJob(3, 15, SingleInvocation = true)]
[Config(typeof(MegabytesPerSecondConfig))]
public class SegmentationBenchmarks
{
    private (string Text, string Name)[] documents = [];

    /// <summary>Gets the UTF-8 size in bytes of the instruments' files, the input of one operation.</summary>
    public static long InputBytes => Repository.InstrumentFiles.Sum(f => new FileInfo(f).Length);

    /// <summary>Reads the instruments' texts into memory.</summary>
    [GlobalSetup]
    public void Setup() =>
        documents = Repository.InstrumentFiles.Select(f => (File.ReadAllText(f), DocumentSegmenter.DocumentName(f))).ToArray();

    /// <summary>Segments every instrument.</summary>
    /// <returns>The number of provisions found.</returns>
    [Benchmark]
    public int SegmentInstruments()
    {
        var provisions = 0;
        foreach (var (text, name) in documents)
        {
            provisions += DocumentSegmenter.Segment(text, name).Provisions.Count;
        }

        return provisions;
    }
}
