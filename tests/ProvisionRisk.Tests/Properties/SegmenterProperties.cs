using FsCheck.Xunit;
using ProvisionRisk.Documents;

namespace ProvisionRisk.Tests.Properties;

public sealed class SegmenterProperties
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Property(Arbitrary = [typeof(Drafts)], MaxTest = 300)]
    public void Terminates_on_any_text(Draft draft) => Segment(draft.Text);

    [Property(Arbitrary = [typeof(Drafts)], MaxTest = 300)]
    public void Accounts_for_every_non_whitespace_character(Draft draft)
    {
        var document = Segment(draft.Text);
        var covered = new bool[draft.Text.Length];
        foreach (var (start, end) in document.Provisions.Select(p => (p.Start, p.End)).Concat(document.Structure.Select(s => (s.Start, s.End))))
        {
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, draft.Text.Length);
            Array.Fill(covered, true, start, end - start);
        }

        var missing = Enumerable.Range(0, draft.Text.Length).FirstOrDefault(i => !covered[i] && !char.IsWhiteSpace(draft.Text[i]), -1);
        Assert.True(missing < 0, $"character {missing} is in no provision or structure element");
    }

    [Property(Arbitrary = [typeof(Drafts)], MaxTest = 300)]
    public void Gives_every_provision_a_unique_reference(Draft draft)
    {
        var refs = Segment(draft.Text).Provisions.Select(p => p.Ref).ToList();
        Assert.Equal(refs.Count, refs.Distinct(StringComparer.Ordinal).Count());
    }

    [Property(MaxTest = 200)]
    public void Terminates_on_any_string(string? text) => Segment(text ?? string.Empty);

    private static SegmentedDocument Segment(string text)
    {
        var run = Task.Run(() => DocumentSegmenter.Segment(text, "doc"));
        Assert.True(run.Wait(Limit), "the segmenter did not finish within " + Limit);
        return run.Result;
    }
}
