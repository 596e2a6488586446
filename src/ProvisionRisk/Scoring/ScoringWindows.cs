namespace ProvisionRisk.Scoring;

/// <summary>A batch to score: <see cref="Count"/> items from <see cref="First"/> on, read with the items around them.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The batch with up to a margin of items before and after it.</param>
/// <param name="First">The index in <paramref name="Items"/> of the batch's first item.</param>
/// <param name="Count">The number of items in the batch.</param>
internal sealed record ScoringWindow<T>(IReadOnlyList<T> Items, int First, int Count);

/// <summary>
/// Cuts a sequence into batches of at most a batch size, each with up to <c>margin</c> neighbouring items on either
/// side, so that a model reading provisions in context scores a batch's edges as it would score them inside one long
/// batch. Items are pushed one at a time, so the same cutter serves synchronous and asynchronous sources; it holds at
/// most a batch and two margins.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ScoringWindows<T>
{
    private readonly int batchSize;
    private readonly int margin;
    private List<T> items = [];
    private int before;

    /// <summary>Initializes a cutter.</summary>
    /// <param name="batchSize">The most items a batch scores (at least 1).</param>
    /// <param name="margin">How many neighbours on each side a batch reads (0 or more).</param>
    public ScoringWindows(int batchSize, int margin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        this.batchSize = batchSize;
        this.margin = margin;
    }

    /// <summary>Cuts a whole sequence.</summary>
    public static IEnumerable<ScoringWindow<T>> Of(IEnumerable<T> source, int batchSize, int margin)
    {
        var cutter = new ScoringWindows<T>(batchSize, margin);
        foreach (var item in source)
        {
            if (cutter.Add(item) is { } window)
            {
                yield return window;
            }
        }

        foreach (var window in cutter.Finish())
        {
            yield return window;
        }
    }

    /// <summary>Adds the next item; returns a batch once its items and the margin after them have arrived.</summary>
    public ScoringWindow<T>? Add(T item)
    {
        items.Add(item);
        if (items.Count < before + batchSize + margin)
        {
            return null;
        }

        var window = new ScoringWindow<T>(items, before, batchSize);
        var next = before + batchSize;
        var keepFrom = Math.Max(0, next - margin);
        items = items.GetRange(keepFrom, items.Count - keepFrom);
        before = next - keepFrom;
        return window;
    }

    /// <summary>Ends the sequence; returns the last batches (none, one or two), with no margin after them.</summary>
    public IReadOnlyList<ScoringWindow<T>> Finish()
    {
        var result = new List<ScoringWindow<T>>(2);
        for (var first = before; first < items.Count; first += batchSize)
        {
            result.Add(new ScoringWindow<T>(items, first, Math.Min(batchSize, items.Count - first)));
        }

        items = [];
        before = 0;
        return result;
    }
}
