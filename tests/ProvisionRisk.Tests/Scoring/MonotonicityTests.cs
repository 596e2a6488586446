namespace ProvisionRisk.Tests.Scoring;

/// <summary>
/// Directional legal cues reach a score as cues only through a sign-constrained output layer with a least main effect;
/// their words also reach the n-gram features. Adding such a cue to these provisions must still move the score only
/// in the codebook's direction.
/// </summary>
public sealed class MonotonicityTests
{
    [Theory]
    [InlineData("overbreadth", "A person who {0} accesses a computer system commits an offence.", "intentionally and without right", -1)]
    [InlineData("overbreadth", "A person who {0} publishes information commits an offence.", "knowingly", -1)]
    [InlineData("overbreadth", "A person who publishes {0} information commits an offence.", "false", +1)]
    [InlineData("overbreadth", "The authorities may search data for the purpose of investigating {0}.", "any criminal offence", +1)]
    [InlineData("missing_safeguards", "The officer may {0} order a provider to disclose stored data.", "with a warrant issued by a judge", -1)]
    [InlineData("missing_safeguards", "The provider shall disclose stored data {0}.", "and keep confidential the fact of the order", +1)]
    [InlineData("missing_safeguards", "The order shall remain in force {0}.", "for a period not exceeding thirty days", -1)]
    [InlineData("missing_safeguards", "The requested State shall execute the request {0}.", "where the conduct is punishable under the laws of both States (dual criminality)", -1)]
    public void Adding_a_directional_cue_moves_the_score_only_in_its_codebook_direction(string label, string template, string cue, int direction)
    {
        var without = TinyModel.Model.Score(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, string.Empty).Replace("  ", " ", StringComparison.Ordinal));
        var with = TinyModel.Model.Score(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, cue));
        var change = with[label] - without[label];
        Assert.True(direction > 0 ? change >= -1e-9 : change <= 1e-9, $"{label} moved {change:+0.0000;-0.0000} when adding '{cue}'");
    }
}
