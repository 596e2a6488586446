using System.Diagnostics;
using System.Text;
using ProvisionRisk.Cli;
using ProvisionRisk.Documents;

namespace ProvisionRisk.Tests.Documents;

/// <summary>Documents that are empty, binary, huge, deeply nested, mixed in line endings or not UTF-8: never an unhandled
/// exception; a clear message or a sensible segmentation.</summary>
public sealed class DifficultDocumentTests
{
    [Fact]
    public void An_empty_document_has_no_provisions_and_the_tool_says_so()
    {
        Assert.Empty(DocumentSegmenter.Segment(string.Empty, "doc").Provisions);
        Assert.Empty(DocumentSegmenter.Segment(" \n\r\n\t ", "doc").Provisions);
        var (code, err) = Score("empty.txt", []);
        Assert.Equal(1, code);
        Assert.Contains("empty.txt: the file is empty", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused_with_a_clear_message()
    {
        var bytes = new byte[20_000];
        new Random(1).NextBytes(bytes);
        bytes[100] = 0;
        using var dir = new TempDirectory();
        var path = dir.File("image.txt");
        File.WriteAllBytes(path, bytes);
        Assert.Throws<InvalidDataException>(() => DocumentSegmenter.SegmentFile(path));

        var (code, err) = Score("image.txt", Encoding.UTF8.GetBytes("Article 1\nEach Party shall \0\0\0 act."));
        Assert.Equal(1, code);
        Assert.Contains("image.txt: looks like a binary file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_naming_its_line()
    {
        var latin1 = Encoding.Latin1.GetBytes("Article 1\nEach Party shall act.\nArticle 2\nLes \u00e9tats parties.\n");
        using var dir = new TempDirectory();
        var path = dir.File("latin1.txt");
        File.WriteAllBytes(path, latin1);
        var e = Assert.Throws<InvalidDataException>(() => DocumentSegmenter.SegmentFile(path));
        Assert.Contains("latin1.txt: not valid UTF-8 text (line 4", e.Message, StringComparison.Ordinal);

        var (code, err) = Score("latin1.txt", latin1);
        Assert.Equal(1, code);
        Assert.Contains("not valid UTF-8 text (line 4", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_and_utf8_with_one_are_read()
    {
        using var dir = new TempDirectory();
        var text = "Article 1\n1. Each Party shall act.\n2. Each Party may act.\n";
        File.WriteAllBytes(dir.File("a.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        File.WriteAllBytes(dir.File("b.txt"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(["Article 1(1)", "Article 1(2)"], DocumentSegmenter.SegmentFile(dir.File("a.txt")).Provisions.Select(p => p.Ref));
        Assert.Equal(["Article 1(1)", "Article 1(2)"], DocumentSegmenter.SegmentFile(dir.File("b.txt")).Provisions.Select(p => p.Ref));
    }

    [Fact]
    public void Mixed_line_endings_are_lines_alike()
    {
        var document = DocumentSegmenter.Segment("Article 1\r\n1. Each Party shall act.\r2. Each Party may act.\n3. No Party shall refuse.\r\n", "doc");
        Assert.Equal(["Article 1(1)", "Article 1(2)", "Article 1(3)"], document.Provisions.Select(p => p.Ref));
        Assert.Equal([2, 3, 4], document.Provisions.Select(p => p.Line));
        Assert.Equal("2. Each Party may act.", document.Provisions[1].Text);
    }

    [Fact]
    public void A_huge_single_line_is_segmented_in_linear_time()
    {
        var items = string.Join(' ', Enumerable.Range(1, 999).Select(i => $"{i}. Each Party shall adopt measures of kind {i};"));
        var line = string.Concat(Enumerable.Repeat(items + " ", 60));
        var clock = Stopwatch.StartNew();
        var document = DocumentSegmenter.Segment("Article 1\n" + line, "doc");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{line.Length} characters took {clock.Elapsed}");
        Assert.Equal(document.Provisions.Count, document.Provisions.Select(p => p.Ref).Distinct().Count());
        Assert.Equal("Article 1(1)", document.Provisions[0].Ref);
        Assert.Equal("1. Each Party shall adopt measures of kind 1;", document.Provisions[0].Text);
        AssertCovered(document);

        var prose = string.Concat(Enumerable.Repeat("Any person who publishes false information commits an offence. ", 80_000));
        Assert.Single(DocumentSegmenter.Segment("Article 1\n" + prose, "doc").Provisions);
    }

    [Fact]
    public void Deeply_nested_numbering_stays_bounded_and_accounts_for_every_character()
    {
        var nested = "Article 1\n" + string.Join('\n', Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? "(1) any person may" : "(a) the person shall"));
        var clock = Stopwatch.StartNew();
        var document = DocumentSegmenter.Segment(nested, "doc");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.NotEmpty(document.Provisions);
        Assert.All(document.Provisions, p => Assert.True(p.Ref.Count(c => c == '(') <= 16, p.Ref));
        AssertCovered(document);
    }

    private static void AssertCovered(SegmentedDocument document)
    {
        var covered = new bool[document.Source.Length];
        foreach (var (start, end) in document.Provisions.Select(p => (p.Start, p.End)).Concat(document.Structure.Select(s => (s.Start, s.End))))
        {
            Array.Fill(covered, true, start, end - start);
        }

        Assert.DoesNotContain(Enumerable.Range(0, covered.Length), i => !covered[i] && !char.IsWhiteSpace(document.Source[i]));
    }

    private static (int Code, string Error) Score(string name, byte[] content)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File(name), content);
        var error = new StringWriter();
        var code = CommandLine.Run(["score", dir.File(name), "--model", TinyModel.File, "--format", "jsonl"], TextReader.Null, new StringWriter(), error);
        return (code, error.ToString());
    }
}
