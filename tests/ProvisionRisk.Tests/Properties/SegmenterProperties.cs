using FsCheck.Xunit;
using ProvisionRisk.Documents;

namespace ProvisionRisk.Tests.Properties;

/// <summary>For any text, the segmenter finishes, every non-whitespace character is in a provision or a structure
/// element, and references are unique. Drafts exercise the numbering logic; plain strings anything else.</summary>
public sealed class SegmenterProperties
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Property(Arbitrary = [typeof(Drafts)], MaxTest = 400)]
    public void Segments_any_draft_completely_with_unique_references(Draft draft) => AssertSegmentation(draft.Text);

    [Property(MaxTest = 300)]
    public void Segments_any_string_completely_with_unique_references(string? text) => AssertSegmentation(text ?? string.Empty);

    private static void AssertSegmentation(string text)
    {
        var run = Task.Run(() => DocumentSegmenter.Segment(text, "doc"));
        Assert.True(run.Wait(Limit), "the segmenter did not finish within " + Limit);
        var document = run.Result;

        var covered = new bool[text.Length];
        foreach (var (start, end) in document.Provisions.Select(p => (p.Start, p.End)).Concat(document.Structure.Select(s => (s.Start, s.End))))
        {
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, text.Length);
            Array.Fill(covered, true, start, end - start);
        }

        var missing = Enumerable.Range(0, text.Length).FirstOrDefault(i => !covered[i] && !char.IsWhiteSpace(text[i]), -1);
        Assert.True(missing < 0, $"character {missing} is in no provision or structure element");

        var refs = document.Provisions.Select(p => p.Ref).ToList();
        Assert.Equal(refs.Count, refs.Distinct(StringComparer.Ordinal).Count());
    }
}
