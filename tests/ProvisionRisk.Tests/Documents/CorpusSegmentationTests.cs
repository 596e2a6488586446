using ProvisionRisk.Documents;

namespace ProvisionRisk.Tests.Documents;

public sealed class CorpusSegmentationTests
{
    public static TheoryData<string> Instruments()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepoPaths.InstrumentFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Segments_every_corpus_instrument_into_its_reviewed_references(string file)
    {
        var document = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Instruments, file));
        var expected = File.ReadAllLines(Path.Combine(RepoPaths.SegmentationFixtures, document.Name + ".refs"));
        var actual = document.Provisions.Select(p => p.Ref).ToArray();
        var firstDifference = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(
            expected.SequenceEqual(actual),
            $"{file}: expected {expected.Length} provisions, got {actual.Length}; first difference at #{firstDifference}: " +
            (firstDifference >= 0 ? $"expected '{expected[firstDifference]}', got '{actual[firstDifference]}'" : "one list is a prefix of the other"));
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Provisions_and_structure_account_for_every_non_whitespace_character(string file)
    {
        var document = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Instruments, file));
        var covered = new bool[document.Source.Length];
        foreach (var (start, end) in document.Provisions.Select(p => (p.Start, p.End)).Concat(document.Structure.Select(s => (s.Start, s.End))))
        {
            for (var i = start; i < end; i++)
            {
                covered[i] = true;
            }
        }

        var missing = Enumerable.Range(0, document.Source.Length).FirstOrDefault(i => !covered[i] && !char.IsWhiteSpace(document.Source[i]), -1);
        Assert.True(missing < 0, $"{file}: character {missing} ('{(missing >= 0 ? document.Source[missing] : ' ')}') is in no provision or structure element");
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void References_are_unique_and_positions_point_into_the_source(string file)
    {
        var document = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Instruments, file));
        Assert.Equal(document.Provisions.Count, document.Provisions.Select(p => p.Ref).Distinct().Count());
        var lines = document.Source.Split('\n');
        foreach (var p in document.Provisions)
        {
            Assert.InRange(p.Start, 0, p.End);
            Assert.InRange(p.End, p.Start, document.Source.Length);
            Assert.InRange(p.Line, 1, lines.Length);
            Assert.Contains(document.Source[p.Start..p.End].Split('\n')[0].Trim(), p.Text, StringComparison.Ordinal);
        }
    }
}
