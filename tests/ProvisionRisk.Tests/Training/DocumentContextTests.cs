using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Training;

public sealed class DocumentContextTests
{
    private static readonly float[][] Outputs = [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]];

    [Fact]
    public void Averages_the_neighbours_at_each_distance_within_one_document()
    {
        var context = DocumentContext.Of(Outputs, [0, 0, 0, 0, 0], 2);

        // Row 2: distance 1 is the mean of rows 1 and 3, distance 2 the mean of rows 0 and 4.
        Assert.Equal([3, 30, 3, 30], context[2]);

        // At the edges only the neighbours that exist are averaged: row 0 has rows 1 and 2, row 1 has rows 0 and 2 at
        // distance 1 and only row 3 at distance 2, row 4 has rows 3 and 2.
        Assert.Equal([2, 20, 3, 30], context[0]);
        Assert.Equal([2, 20, 4, 40], context[1]);
        Assert.Equal([4, 40, 3, 30], context[4]);
    }

    [Fact]
    public void A_provision_without_neighbours_is_its_own_context()
    {
        Assert.All(DocumentContext.Of(Outputs, null, 2).Zip(Outputs), p => Assert.Equal(p.Second.Concat(p.Second), p.First));
        Assert.All(DocumentContext.Of(Outputs, [0, 1, 2, 3, 4], 1).Zip(Outputs), p => Assert.Equal(p.Second, p.First));
        Assert.All(DocumentContext.Of(Outputs, [0, 0, 0, 0, 0], 0), c => Assert.Empty(c));
    }

    [Fact]
    public void Neighbours_in_another_document_are_not_read()
    {
        var split = DocumentContext.Of(Outputs, [0, 0, 1, 1, 1], 1);
        Assert.Equal([2, 20], split[0]);
        Assert.Equal([1, 10], split[1]);
        Assert.Equal([4, 40], split[2]);
        Assert.Equal([4, 40], split[3]);
    }

    [Fact]
    public void Averages_the_region_around_each_provision_itself_included_within_its_document()
    {
        var region = DocumentContext.Region(Outputs, [0, 0, 0, 1, 1], 1);

        // Row 1: rows 0 to 2. Row 0: rows 0 and 1. Row 2: rows 1 and 2, not row 3 of the next document.
        Assert.Equal([2, 20], region[1]);
        Assert.Equal([1.5f, 15], region[0]);
        Assert.Equal([2.5f, 25], region[2]);
        Assert.Equal([4.5f, 45], region[3]);
        Assert.Equal([3, 30], DocumentContext.Region(Outputs, [0, 0, 0, 0, 0], 10)[4]);
    }

    [Fact]
    public void A_provision_read_alone_is_its_own_region_and_a_region_of_zero_is_empty()
    {
        Assert.All(DocumentContext.Region(Outputs, null, 3).Zip(Outputs), p => Assert.Equal(p.Second, p.First));
        Assert.All(DocumentContext.Region(Outputs, [0, 0, 0, 0, 0], 0), r => Assert.Empty(r));
    }

    [Fact]
    public void Numbers_documents_by_runs_of_one_name_and_reads_a_nameless_item_alone()
    {
        Assert.Equal([0, 0, 1, 2, 2, 3, 4, 5], DocumentContext.Number(["a", "a", "b", "a", "a", null, null, "a"]));
        Assert.Empty(DocumentContext.Number([]));
    }
}
