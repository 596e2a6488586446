using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Scoring;

public sealed class ScoringWindowsTests
{
    [Theory]
    [InlineData(0, 3, 2)]
    [InlineData(1, 1, 0)]
    [InlineData(1, 5, 2)]
    [InlineData(10, 1, 2)]
    [InlineData(10, 3, 0)]
    [InlineData(11, 3, 2)]
    [InlineData(12, 4, 3)]
    [InlineData(13, 5, 7)]
    [InlineData(100, 7, 2)]
    public void Every_item_is_scored_once_in_order_with_its_neighbours_in_reach(int count, int batchSize, int margin)
    {
        var windows = ScoringWindows<int>.Of(Enumerable.Range(0, count), batchSize, margin).ToList();

        var owned = windows.SelectMany(w => w.Items.Skip(w.First).Take(w.Count)).ToList();
        Assert.Equal(Enumerable.Range(0, count), owned);
        foreach (var w in windows)
        {
            Assert.InRange(w.Count, 1, batchSize);
            Assert.True(w.Items.Count <= batchSize + (2 * margin), $"a window holds {w.Items.Count} items");
            Assert.Equal(Enumerable.Range(w.Items[0], w.Items.Count), w.Items);

            // Every owned item sees the neighbours the whole sequence gives it, up to the margin on either side.
            for (var k = w.First; k < w.First + w.Count; k++)
            {
                var item = w.Items[k];
                Assert.True(k >= Math.Min(margin, item), $"item {item} lacks a neighbour before it");
                Assert.True(w.Items.Count - 1 - k >= Math.Min(margin, count - 1 - item), $"item {item} lacks a neighbour after it");
            }
        }
    }

    [Fact]
    public void With_no_margin_the_batches_are_plain_chunks()
    {
        var windows = ScoringWindows<int>.Of(Enumerable.Range(0, 10), 4, 0).ToList();
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], windows.Select(w => w.Items.ToArray()));
        Assert.All(windows, w => Assert.Equal(0, w.First));
    }

    [Fact]
    public void Refuses_an_empty_batch_or_a_negative_margin()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoringWindows<int>(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoringWindows<int>(3, -1));
    }
}
