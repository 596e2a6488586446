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
