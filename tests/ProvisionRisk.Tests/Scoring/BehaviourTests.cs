using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Scoring;

/// <summary>Directional expectations on the shipped model: each minimal pair should move the score the expected way.</summary>
public sealed class BehaviourTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Has_at_least_sixty_minimal_pairs_covering_both_labels_and_directions()
    {
        Assert.True(BehaviourPairs.All.Count >= 60, $"only {BehaviourPairs.All.Count} pairs");
        Assert.Contains(BehaviourPairs.All, p => p.Label == BehaviourPairs.Overbreadth && p.Direction > 0);
        Assert.Contains(BehaviourPairs.All, p => p.Label == BehaviourPairs.Safeguards && p.Direction > 0);
        Assert.Contains(BehaviourPairs.All, p => p.Label == BehaviourPairs.Safeguards && p.Direction < 0);
        Assert.Equal(BehaviourPairs.All.Count, BehaviourPairs.All.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void The_shipped_model_moves_in_the_expected_direction_on_at_least_90_percent_of_pairs()
    {
        var model = RiskModel.Load(RepoPaths.ShippedModel);
        var texts = BehaviourPairs.All.SelectMany(p => new[] { p.Original, p.Variant }).ToList();
        var scores = model.Score(texts, new ScoringOptions { IncludeEvidence = false });
        var failures = new List<string>();
        for (var i = 0; i < BehaviourPairs.All.Count; i++)
        {
            var pair = BehaviourPairs.All[i];
            var before = scores[2 * i][pair.Label];
            var after = scores[(2 * i) + 1][pair.Label];
            if (Math.Sign(after - before) != pair.Direction)
            {
                failures.Add($"{pair.Name} ({pair.Label} {before:0.000} -> {after:0.000}, expected {(pair.Direction > 0 ? "up" : "down")})");
            }
        }

        // The goal is 90%; the shipped model passes 57 of 61 pairs (benchmarks/quality reports the exact figure). A pair
        // whose score does not move at all counts as a failure.
        var passRate = 1 - ((double)failures.Count / BehaviourPairs.All.Count);
        output.WriteLine($"behaviour pairs: {BehaviourPairs.All.Count - failures.Count} of {BehaviourPairs.All.Count} moved as expected");
        foreach (var f in failures)
        {
            output.WriteLine("FAIL " + f);
        }

        Assert.True(passRate >= 0.9,
            $"{failures.Count} of {BehaviourPairs.All.Count} pairs moved the wrong way ({passRate:P0} pass):\n" + string.Join('\n', failures));
    }
}
