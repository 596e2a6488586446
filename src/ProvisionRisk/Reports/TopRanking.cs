namespace ProvisionRisk.Reports;

/// <summary>Keeps items in risk order: all of them, or with a limit only the highest-ranked (a bounded min-heap), so
/// memory is bounded by what the report shows. Ties keep input order.</summary>
internal sealed class TopRanking<T>(int? limit)
{
    private readonly PriorityQueue<T, (double Risk, long Order)> heap = new(Comparer<(double Risk, long Order)>.Create(
        (a, b) => a.Risk != b.Risk ? a.Risk.CompareTo(b.Risk) : b.Order.CompareTo(a.Order)));

    private long seen;

    /// <summary>Gets the number of items held.</summary>
    public int Count => heap.Count;

    public void Add(T item, double risk)
    {
        var key = (risk, seen++);
        if (limit is not { } max || heap.Count < max)
        {
            heap.Enqueue(item, key);
        }
        else
        {
            heap.EnqueueDequeue(item, key);
        }
    }

    /// <summary>The items, highest risk first.</summary>
    public List<T> Ranked()
    {
        var result = new List<T>(heap.Count);
        var copy = new PriorityQueue<T, (double, long)>(heap.UnorderedItems, heap.Comparer);
        while (copy.TryDequeue(out var item, out _))
        {
            result.Add(item);
        }

        result.Reverse();
        return result;
    }
}
