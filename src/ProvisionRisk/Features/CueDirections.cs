namespace ProvisionRisk.Features;

/// <summary>
/// The direction in which the codebook says a legal cue moves each of the project's labels ("cues for" and "cues
/// against" of its flags): +1 raises the risk, -1 lowers it. As cues, directional cues enter a model only through a
/// sign-constrained output layer, each with a least main effect, so that adding, say, prior judicial authorisation
/// pushes the missing safeguards score down by at least that effect (its words also reach the n-grams; the behaviour
/// and monotonicity tests measure the net direction). Labels not listed here (other teams' label sets) have no
/// directional cues.
/// </summary>
internal static class CueDirections
{
    private static readonly Dictionary<string, Dictionary<string, int>> ByLabel = new(StringComparer.Ordinal)
    {
        ["overbreadth"] = new(StringComparer.Ordinal)
        {
            ["any-offence-scope"] = +1,
            ["any-person"] = +1,
            ["compelled-assistance"] = +1,
            ["content-term"] = +1,
            ["vague-term"] = +1,
            ["optional-qualifier"] = +1,
            ["extraterritorial"] = +1,
            ["intent"] = -1,
            ["without-right"] = -1,
            ["serious-harm"] = -1,
            ["closed-list"] = -1,
            ["research-exemption"] = -1,
        },
        ["missing_safeguards"] = new(StringComparer.Ordinal)
        {
            ["secrecy"] = +1,
            ["executive-authorisation"] = +1,
            ["optional-safeguard"] = +1,
            ["judicial-authorisation"] = -1,
            ["necessity-proportionality"] = -1,
            ["time-limit"] = -1,
            ["scope-limit"] = -1,
            ["notification"] = -1,
            ["remedy"] = -1,
            ["oversight"] = -1,
            ["dual-criminality"] = -1,
            ["refusal-ground"] = -1,
        },
    };

    private static readonly Dictionary<string, string[]> ApplicabilityByLabel = new(StringComparer.Ordinal)
    {
        // Where overbreadth can arise: offences, powers and cooperation duties, and definitions that widen them.
        ["overbreadth"] = ["penalty", "power-search-seizure", "power-interception", "data-sharing", "definition"],

        // Where missing safeguards can arise: intrusive measures and cross-border sharing.
        ["missing_safeguards"] = ["power-search-seizure", "power-interception", "data-sharing", "retention", "blocking-removal", "compelled-assistance"],
    };

    /// <summary>The cues that mark a provision where <paramref name="label"/>'s risk can arise at all (the codebook's
    /// "applies to"); used by the transparent cue-rules baseline.</summary>
    public static IReadOnlyList<string> ApplicabilityFor(string label) =>
        ApplicabilityByLabel.TryGetValue(label, out var a) ? a : [];

    /// <summary>The directional cues of <paramref name="label"/> (cue name → +1 or -1); empty for unknown labels.</summary>
    public static IReadOnlyDictionary<string, int> For(string label) =>
        ByLabel.TryGetValue(label, out var d) ? d : new Dictionary<string, int>();

    /// <summary>The names of every cue that is directional for any of <paramref name="labels"/>.</summary>
    public static HashSet<string> AnyOf(IEnumerable<string> labels) =>
        labels.SelectMany(l => For(l).Keys).ToHashSet(StringComparer.Ordinal);
}
