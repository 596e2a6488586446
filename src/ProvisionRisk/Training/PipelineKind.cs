namespace ProvisionRisk.Training;

/// <summary>How each label's model combines a linear n-gram model and FastTree.</summary>
public enum PipelineKind
{
    /// <summary>FastTree on the legal cue features plus the out-of-fold score of a linear model on n-grams and cues (the default).</summary>
    Stacked,

    /// <summary>A logistic-regression model on n-grams and cues alone.</summary>
    Linear,

    /// <summary>FastTree alone, on the cue features and the most frequent n-grams (FastTree on all 10^5 sparse
    /// n-grams does not fit in the time budget).</summary>
    FastTree,

    /// <summary>A transparent baseline: the cues that show the risk can arise (an offence, a power, data sharing),
    /// plus the label's directional legal cues (+1 for a cue the codebook reads as raising the risk, −1 for one that
    /// lowers it), summed and calibrated; no learning from the text.</summary>
    CueRules,
}
