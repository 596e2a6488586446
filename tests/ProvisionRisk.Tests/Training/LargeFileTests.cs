using System.Text;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Training;

[Collection(Serial.Name)]
public sealed class LargeFileTests
{
    private const long Size = 100L << 20;
    private const string Header = "id,source,group,ref,kind,text,overbreadth,missing_safeguards,flags,rationale,notes\n";

    [Fact]
    public void Loads_a_100_MB_file_in_memory_bounded_by_its_size_and_fails_a_bad_row_near_its_end_with_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.csv");
        var lastLine = Write(path, badRowFromEnd: 0);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        LabelledDataset data;
        using (var sampler = new PeakSampler(() => peak = Math.Max(peak, GC.GetTotalMemory(false))))
        {
            data = LabelledDataset.Load([path]);
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.Equal(lastLine - 1, data.Rows.Count);
        Assert.Equal("s8", data.Rows[7].Source);

        // The documented bound: the rows are kept (text as UTF-16, twice its UTF-8 size, plus a few hundred bytes a row:
        // under 2.5 times the file); reading adds one record's buffer and the garbage collector's working space.
        var size = new FileInfo(path).Length;
        Assert.True(retained < 2.5 * size, $"retained {retained >> 20} MiB for a {size >> 20} MiB file");
        Assert.True(peak - before < retained + (100L << 20), $"peak {(peak - before) >> 20} MiB, retained {retained >> 20} MiB");
        GC.KeepAlive(data);
        data = null!;

        lastLine = Write(path, badRowFromEnd: 3);
        var e = Assert.Throws<LabelledDataException>(() => LabelledDataset.Load([path]));
        Assert.Equal(lastLine - 2, e.Line);
        Assert.Equal("overbreadth", e.Field);
        Assert.Contains("perhaps", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes about 100 MB of rows shaped like the training data, the one <paramref name="badRowFromEnd"/> rows
    /// from the end (1 = the last) with an unknown label value; returns the number of the last line.</summary>
    private static long Write(string path, int badRowFromEnd)
    {
        var words = "any person who without right intentionally accesses a computer system data shall commit an offence liable to a fine or imprisonment each party may adopt such legislative measures necessary to establish".Split(' ');
        var random = new Random(11);
        var rows = new List<string>();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        long written = Header.Length;
        long line = 1;
        var text = new StringBuilder();
        while (written < Size)
        {
            text.Clear();
            for (var w = 0; w < 60; w++)
            {
                text.Append(words[random.Next(words.Length)]).Append(' ');
            }

            var row = $"doc:art{line},s{line % 25},g{line % 25},Article {line},criminalisation,\"{text}\",{(line % 3 == 0 ? "yes" : "no")},n/a,,\"Rationale for row {line}: the provision is {text.ToString(0, 80)}\",\n";
            rows.Add(row);
            if (rows.Count > 4)
            {
                writer.Write(rows[0]);
                written += rows[0].Length;
                rows.RemoveAt(0);
            }

            line++;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var bad = i == rows.Count - badRowFromEnd;
            writer.Write(bad ? rows[i].Replace("\",yes,n/a,", "\",perhaps,n/a,", StringComparison.Ordinal).Replace("\",no,n/a,", "\",perhaps,n/a,", StringComparison.Ordinal) : rows[i]);
        }

        return line;
    }

    /// <summary>Calls a probe every few milliseconds on a background thread until disposed.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Thread thread;

        public PeakSampler(Action probe)
        {
            thread = new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    probe();
                    Thread.Sleep(2);
                }
            }) { IsBackground = true };
            thread.Start();
        }

        public void Dispose()
        {
            stop.Cancel();
            thread.Join();
            stop.Dispose();
        }
    }
}
