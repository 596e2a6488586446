namespace ProvisionRisk.Features;

/// <summary>The featurizer's n-gram lengths, weighting and treatment of directional cue words.</summary>
/// <param name="CharMin">The shortest character n-gram (the text framed by start and end markers).</param>
/// <param name="CharMax">The longest character n-gram.</param>
/// <param name="Idf">Whether n-grams are weighted (1 + ln count) × inverse document frequency rather than by count.</param>
/// <param name="MaskDirectionalCues">Whether the words of the cues that are not features of their own (the directional
/// cues) are blanked out of the text before n-grams are taken, so that they reach a model only through its output
/// layer. Models trained before this setting existed masked them.</param>
internal sealed record FeaturizerSettings(int CharMin, int CharMax, bool Idf, bool MaskDirectionalCues = false)
{
    /// <summary>The settings new models are trained with: character 4-grams, IDF weighting, directional cue words kept
    /// in the n-grams. (Character 3–5-grams measured no better in leave-one-instrument-out evaluation and cost twice the
    /// time; IDF weighting added about 0.01 ROC-AUC to both labels; keeping the cue words, so that the n-grams see
    /// "a warrant issued by a judge" as well as the output layer does, added 0.008 / 0.006 ROC-AUC and raised the
    /// ROC-AUC among provisions of one kind, such as procedural powers, for both labels.)</summary>
    public static FeaturizerSettings Default { get; } = new(4, 4, true);

    public void Validate()
    {
        if (CharMin < 1 || CharMax < CharMin || CharMax > 8)
        {
            throw new InvalidDataException($"character n-grams of {CharMin} to {CharMax} characters are not supported");
        }
    }
}
