using System.Text;

namespace ProvisionRisk.Comparison;

/// <summary>A word-level redline by the longest common subsequence of the two texts' words (Myers' O(ND) algorithm),
/// adjacent words with the same operation merged into one segment.</summary>
internal static class WordDiff
{
    private const int MaxEdits = 600;

    public static IReadOnlyList<RedlineSegment> Compare(string? older, string? newer)
    {
        var a = Words(older);
        var b = Words(newer);
        var ops = Operations(a, b);
        var result = new List<RedlineSegment>();
        var run = new StringBuilder();
        RedlineOperation? current = null;
        foreach (var (op, word) in ops)
        {
            if (current != op && current is { } c)
            {
                result.Add(new RedlineSegment(c, run.ToString()));
                run.Clear();
            }

            current = op;
            if (run.Length > 0)
            {
                run.Append(' ');
            }

            run.Append(word);
        }

        if (current is { } last)
        {
            result.Add(new RedlineSegment(last, run.ToString()));
        }

        return result;
    }

    private static string[] Words(string? text) => (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The edit script: for each word of either text, whether it is kept, deleted or inserted.</summary>
    private static List<(RedlineOperation, string)> Operations(string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var max = Math.Min(n + m, MaxEdits);
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= max && !found; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }

        if (!found)
        {
            // Too different to align word by word: everything old deleted, everything new inserted.
            return [.. a.Select(w => (RedlineOperation.Deleted, w)), .. b.Select(w => (RedlineOperation.Inserted, w))];
        }

        var ops = new List<(RedlineOperation, string)>();
        int cx = n, cy = m;
        for (var d = trace.Count - 1; d >= 0 && (cx > 0 || cy > 0); d--)
        {
            var vd = trace[d];
            var k = cx - cy;
            var prevK = k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
            var prevX = d == 0 ? 0 : vd[offset + prevK];
            var prevY = prevX - prevK;
            while (cx > prevX && cy > prevY && cx > 0 && cy > 0 && a[cx - 1] == b[cy - 1])
            {
                ops.Add((RedlineOperation.Same, a[cx - 1]));
                cx--;
                cy--;
            }

            if (d == 0)
            {
                break;
            }

            if (cx == prevX)
            {
                ops.Add((RedlineOperation.Inserted, b[cy - 1]));
                cy--;
            }
            else
            {
                ops.Add((RedlineOperation.Deleted, a[cx - 1]));
                cx--;
            }
        }

        while (cx > 0 && cy > 0)
        {
            ops.Add((RedlineOperation.Same, a[cx - 1]));
            cx--;
            cy--;
        }

        ops.Reverse();
        return ops;
    }
}
