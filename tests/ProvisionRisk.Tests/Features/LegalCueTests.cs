using ProvisionRisk.Features;

namespace ProvisionRisk.Tests.Features;

public sealed class LegalCueTests
{
    [Theory]
    [InlineData("The Minister may direct the provider to disable access to the online location.")]
    [InlineData("A disabling direction is a direction requiring the provider to stop access.")]
    [InlineData("The Authority shall intercept, disable or take-down a digital technology service.")]
    [InlineData("The service provider shall remove the content within 24 hours.")]
    [InlineData("The provider shall disable access to a computer system hosting the material.")]
    public void Blocking_or_removal_of_content_is_a_blocking_cue(string text) =>
        Assert.Contains(LegalCues.Find(text), m => m.Cue == "blocking-removal");

    [Theory]
    [InlineData("A person who sends a program designed to disable a computer system commits an offence.")]
    [InlineData("A person who intentionally acts to disable the security of a network commits an offence.")]
    [InlineData("Whoever, by disabling any protection measure, gains access commits an offence.")]
    public void Disabling_a_computer_or_its_security_is_not_blocking_of_content(string text) =>
        Assert.DoesNotContain(LegalCues.Find(text), m => m.Cue == "blocking-removal");

    [Theory]
    [InlineData("A police officer may, without a warrant, search any computer system.", "warrant")]
    [InlineData("The officer may without prior warrant enter the premises.", "warrant")]
    [InlineData("The inspector may seize the data without the approval of a judge.", "judge")]
    [InlineData("The officer may search the premises, and no court order shall be required.", "court order")]
    [InlineData("The provider shall disclose the data; a warrant is not required.", "warrant")]
    [InlineData("The authority need not obtain a warrant before the search.", "warrant")]
    public void A_judicial_authorisation_the_text_dispenses_with_is_not_a_safeguard_but_an_optional_one(string text, string words)
    {
        var matches = LegalCues.Find(text);
        Assert.DoesNotContain(matches, m => m.Cue == "judicial-authorisation");
        Assert.Contains(matches, m => m.Cue == "optional-safeguard" && text[m.Start..m.End].Contains(words, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("A police officer may, with a warrant issued by a judge, search any computer system.")]
    [InlineData("No warrant shall be issued unless a judge is satisfied that there are reasonable grounds.")]
    [InlineData("The officer may not search the premises without a warrant issued by a magistrate.")]
    [InlineData("No person shall intercept a communication without a court order.")]
    [InlineData("Without prejudice to paragraph 2, the order shall be made by a judge of the High Court.")]
    public void A_judicial_authorisation_the_text_requires_stays_a_safeguard(string text)
    {
        var matches = LegalCues.Find(text);
        Assert.Contains(matches, m => m.Cue == "judicial-authorisation");
        Assert.DoesNotContain(matches, m => m.Cue == "optional-safeguard");
    }

    [Theory]
    [InlineData("The officer may intercept the communications without prior notification.", false)]
    [InlineData("The officer may enter the premises without notice.", false)]
    [InlineData("The person concerned shall be notified within thirty days.", true)]
    public void Notice_the_text_dispenses_with_is_not_notification(string text, bool notified)
    {
        var matches = LegalCues.Find(text);
        Assert.Equal(notified, matches.Any(m => m.Cue == "notification"));
        Assert.Equal(!notified, matches.Any(m => m.Cue == "optional-safeguard"));
    }

    [Fact]
    public void The_slots_of_directional_cue_words_are_those_lost_when_the_words_are_blanked_out()
    {
        string[] texts = ["A person who intentionally accesses a computer system commits an offence.", "The officer may search the premises."];
        var featurizer = TextFeaturizer.Fit(texts, LegalCues.Names.Where(c => c is not ("intent" or "judicial-authorisation")).ToList());
        var slots = featurizer.DirectionalCueWordSlots(texts, featurizer.Transform(texts));
        var names = slots.Select(i => featurizer.SlotNames[i]).ToList();
        Assert.Contains(TextFeaturizer.WordSlotPrefix + "intentionally", names);
        Assert.Contains(TextFeaturizer.WordSlotPrefix + "who|intentionally", names);
        Assert.DoesNotContain(TextFeaturizer.WordSlotPrefix + "person", names);
        Assert.DoesNotContain(TextFeaturizer.WordSlotPrefix + "search", names);
        Assert.All(slots, i => Assert.True(i < featurizer.FeatureCount - featurizer.FeatureCues.Count, featurizer.SlotNames[i]));
    }
}
