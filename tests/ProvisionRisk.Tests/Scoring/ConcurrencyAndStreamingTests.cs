using System.Runtime.CompilerServices;
using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Scoring;

public sealed class ConcurrencyAndStreamingTests
{
    [Fact]
    public void Eight_threads_scoring_10000_provisions_through_one_model_give_exactly_the_serial_results()
    {
        // Documents of ten provisions, each thread scoring whole documents: a provision is read with the same neighbours.
        var provisions = Provisions(10_000).Select((p, i) => p with { Document = "doc" + (i / 10) }).ToList();
        var serial = TinyModel.Model.Score(provisions).Select(Fingerprint).ToArray();

        var parallel = new string[provisions.Count];
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var mine = Enumerable.Range(0, provisions.Count).Where(i => i / 10 % 8 == t).ToList();
            var scores = TinyModel.Model.Score(mine.Select(i => provisions[i]), new ScoringOptions { BatchSize = 50 + (t * 37) });
            for (var k = 0; k < mine.Count; k++)
            {
                parallel[mine[k]] = Fingerprint(scores[k]);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(serial, parallel);
    }

    [Theory]
    [InlineData(2, 64)]
    [InlineData(3, 7)]
    public void Scoring_batches_on_several_threads_gives_the_serial_results_in_input_order(int threads, int batchSize)
    {
        var provisions = Provisions(1_000);
        var serial = TinyModel.Model.Score(provisions, new ScoringOptions { IncludeEvidence = true }).Select(Fingerprint).ToList();
        var options = new ScoringOptions { MaxDegreeOfParallelism = threads, BatchSize = batchSize };
        Assert.Equal(serial, TinyModel.Model.ScoreStream(provisions, options).Select(Fingerprint).ToList());
    }

    [Fact]
    public void Parallel_scoring_reads_at_most_two_batches_per_thread_ahead()
    {
        var read = 0;
        var options = new ScoringOptions { MaxDegreeOfParallelism = 2, BatchSize = 10 };
        IEnumerable<Provision> Counted()
        {
            foreach (var p in Forever())
            {
                read++;
                yield return p;
            }
        }

        var first = TinyModel.Model.ScoreStream(Counted(), options).Take(5).ToList();
        Assert.Equal(5, first.Count);
        // Each batch also reads the neighbours after it, as far as the model reads around a provision.
        Assert.InRange(read, 5, (2 * options.MaxDegreeOfParallelism * options.BatchSize) + TinyModel.Reach);
        Assert.Throws<ArgumentException>(() => TinyModel.Model.ScoreStream(Provisions(1), new ScoringOptions { MaxDegreeOfParallelism = 0 }).ToList());
    }

    [Fact]
    public async Task Streams_scores_in_input_order_across_batches()
    {
        var provisions = Provisions(53);
        var expected = TinyModel.Model.Score(provisions).Select(Fingerprint).ToList();
        var streamed = new List<string>();
        await foreach (var score in TinyModel.Model.ScoreAsync(Source(provisions, new Counter()), new ScoringOptions { BatchSize = 7 }))
        {
            streamed.Add(Fingerprint(score));
        }

        Assert.Equal(expected, streamed);
    }

    [Fact]
    public async Task Stops_reading_and_scoring_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var read = new Counter();
        var received = 0;
        var options = new ScoringOptions { BatchSize = 10 };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var score in TinyModel.Model.ScoreAsync(Source(Forever(), read), options, cancellation.Token))
            {
                if (++received == 25)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(25, received);
        // The batch being scored carries the neighbours after it, as far as the model reads around a provision.
        Assert.InRange(read.Value, 25, 25 + options.BatchSize + TinyModel.Reach);
    }

    [Fact]
    public async Task Honours_a_token_given_to_the_enumerator_and_one_cancelled_before_the_start()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var read = new Counter();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var score in TinyModel.Model.ScoreAsync(Source(Forever(), read), cancellationToken: cancelled.Token))
            {
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var score in TinyModel.Model.ScoreAsync(Source(Forever(), read)).WithCancellation(cancelled.Token))
            {
            }
        });
        Assert.Equal(0, read.Value);
    }

    [Fact]
    public void Checks_arguments_and_options_when_called_not_when_enumerated()
    {
        Assert.Throws<ArgumentNullException>(() => TinyModel.Model.ScoreAsync(null!));
        Assert.Throws<ArgumentException>(() => TinyModel.Model.ScoreAsync(Source(Provisions(1), new Counter()), new ScoringOptions { BatchSize = 0 }));
    }

    private static List<Provision> Provisions(int count)
    {
        var texts = TinyModel.Data.Rows.Select(r => r.Text).ToList();
        return Enumerable.Range(0, count)
            .Select(i => new Provision("doc", $"Article {i + 1}", null, null, i < texts.Count ? texts[i] : $"{texts[i % texts.Count]} ({i / texts.Count})", 0, 0, i + 1))
            .ToList();
    }

    private static IEnumerable<Provision> Forever()
    {
        for (var i = 0; ; i++)
        {
            yield return new Provision("doc", $"Article {i + 1}", null, null, "Any person may be ordered to assist the authorities.", 0, 0, i + 1);
        }
    }

    private static async IAsyncEnumerable<Provision> Source(IEnumerable<Provision> provisions, Counter read, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var p in provisions)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            read.Value++;
            yield return p;
        }
    }

    private static string Fingerprint(ProvisionScore s) =>
        s.Provision?.Ref + "|" + s.Kind + "|" + string.Join('|', s.Labels.Select(l =>
            $"{l.Probability:R}:{l.Flagged}:{string.Join(',', l.Evidence.Select(e => $"{e.Feature}{e.Weight:R}{string.Join(';', e.Spans)}"))}"));

    private sealed class Counter
    {
        public int Value { get; set; }
    }
}
