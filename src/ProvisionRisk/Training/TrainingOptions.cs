namespace ProvisionRisk.Training;

/// <summary>Options for training a risk model. Validated when training starts.</summary>
public sealed record TrainingOptions
{
    /// <summary>The widest <see cref="ContextWindow"/>.</summary>
    public const int MaxContextWindow = 10;

    /// <summary>The widest <see cref="RegionWindow"/>.</summary>
    public const int MaxRegionWindow = 50;

    /// <summary>Gets the random seed; the same data and seed give the same model and metrics.</summary>
    /// <value>The default value is 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>Gets how each label's model combines the linear model and FastTree.</summary>
    /// <value>The default value is <see cref="PipelineKind.Stacked"/>.</value>
    public PipelineKind Pipeline { get; init; } = PipelineKind.Stacked;

    /// <summary>Gets the number of instrument-grouped folds used inside training to calibrate probabilities,
    /// choose thresholds and (for <see cref="PipelineKind.Stacked"/>) produce out-of-fold linear scores.</summary>
    /// <value>The default value is 5.</value>
    public int InnerFolds { get; init; } = 5;

    /// <summary>Gets the L2 regularisation of the linear model.</summary>
    /// <value>The default value is 0.5 (chosen by leave-one-instrument-out evaluation of the linear model).</value>
    public float L2 { get; init; } = 0.5f;

    /// <summary>Gets a value indicating whether the linear model averages two logistic regressions: one on the features
    /// and one on the features scaled by their naive-Bayes log-count ratios (NBSVM; Wang and Manning, 2012), which weighs
    /// up n-grams found mostly in one class. The n-grams of directional cue words are left out of the second, so that
    /// the weighting cannot amplify them against the codebook's direction. The average is itself one linear model, so
    /// scoring costs the same.</summary>
    /// <value>The default value is <see langword="true"/> (in leave-one-instrument-out evaluation of the project's
    /// training data it raised the linear model's ROC-AUC from 0.861 to 0.863 for overbreadth and from 0.864 to 0.869 for
    /// missing safeguards, and the shipped pipeline's from 0.864 to 0.868 and from 0.871 to 0.873; on UNFAIR-ToS it is
    /// chosen on the validation split).</value>
    public bool NaiveBayesWeighting { get; init; } = true;

    /// <summary>Gets a value indicating whether the stacked pipeline's linear models also read the non-directional legal
    /// cues. Its trees read them either way, and the cues mostly tell kinds of provision apart, which the trees also
    /// learn from the kind probabilities; left to the trees, the linear models spend their weights on the n-grams that
    /// tell provisions of one kind apart. Used by <see cref="PipelineKind.Stacked"/> only; the linear pipeline's model
    /// always reads them.</summary>
    /// <value>The default value is <see langword="true"/>. In leave-one-instrument-out evaluation of the project's
    /// training data, leaving the cues to the trees (false) raised the ROC-AUC for missing safeguards among procedural
    /// powers from 0.472 to 0.554 and pooled ROC-AUC from 0.869 to 0.872 (overbreadth) and from 0.891 to 0.894 (missing
    /// safeguards), with F1 0.632 and 0.627 against 0.639 and 0.630; but a model trained that way on six instruments
    /// raised missing safeguards when a time limit was added to an order, which the default does not.</value>
    public bool LinearCueFeatures { get; init; } = true;

    /// <summary>Gets a value indicating whether a model for the provision's kind is trained (when the data has a <c>kind</c> column).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool TrainKindModel { get; init; } = true;

    /// <summary>Gets how many neighbouring provisions on each side of a provision, in the same document (consecutive
    /// rows of one <c>source</c>), the stacked trees read: their linear scores and kind probabilities, averaged by
    /// distance. A provision scored alone is its own context. 0 reads every provision alone. Used by
    /// <see cref="PipelineKind.Stacked"/> only.</summary>
    /// <value>The default value is 2 (in leave-one-instrument-out evaluation of the project's training data it raised
    /// the shipped pipeline's ROC-AUC for missing safeguards from 0.873 to 0.883 and for overbreadth from 0.868 to 0.869;
    /// a window of 1 gave 0.882 and 0.868, one of 4 gave 0.885 and 0.868).</value>
    public int ContextWindow { get; init; } = 2;

    /// <summary>Gets how many provisions on each side of a provision, in the same document, make up its region: the
    /// stacked trees also read the mean of the linear scores and kind probabilities over the region (the provision
    /// included), which tells what part of the instrument it sits in. A provision scored alone is its own region. 0 reads
    /// no region. Used by <see cref="PipelineKind.Stacked"/> only.</summary>
    /// <value>The default value is 10 (in leave-one-instrument-out evaluation of the project's training data, with a
    /// context window of 2, it raised the shipped pipeline's ROC-AUC for missing safeguards from 0.883 to 0.891 and left
    /// overbreadth's at 0.869; a region of 5 gave 0.887 and 0.870).</value>
    public int RegionWindow { get; init; } = 10;

    /// <summary>How far the trained model reads around a provision: <see cref="ContextWindow"/> and
    /// <see cref="RegionWindow"/> for the stacked pipeline, else nothing.</summary>
    internal ContextReach EffectiveReach => Pipeline == PipelineKind.Stacked ? new(ContextWindow, RegionWindow) : ContextReach.None;

    /// <summary>Gets the number of trees of each FastTree model.</summary>
    /// <value>The default value is 40.</value>
    public int Trees { get; init; } = 40;

    /// <summary>Gets the number of leaves of each tree.</summary>
    /// <value>The default value is 4.</value>
    public int Leaves { get; init; } = 4;

    /// <summary>Gets the fewest training provisions a tree leaf may hold.</summary>
    /// <value>The default value is 30.</value>
    public int MinimumLeafSize { get; init; } = 30;

    /// <summary>Throws if an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (InnerFolds < 2)
        {
            throw new ArgumentException("InnerFolds must be at least 2.", nameof(InnerFolds));
        }

        if (!(L2 >= 0) || float.IsInfinity(L2))
        {
            throw new ArgumentException("L2 must be a non-negative number.", nameof(L2));
        }

        if (ContextWindow is < 0 or > MaxContextWindow)
        {
            throw new ArgumentException($"ContextWindow must be between 0 and {MaxContextWindow}.", nameof(ContextWindow));
        }

        if (RegionWindow is < 0 or > MaxRegionWindow)
        {
            throw new ArgumentException($"RegionWindow must be between 0 and {MaxRegionWindow}.", nameof(RegionWindow));
        }

        if (Trees < 1 || Leaves < 2 || MinimumLeafSize < 1)
        {
            throw new ArgumentException("Trees and MinimumLeafSize must be at least 1 and Leaves at least 2.", nameof(Trees));
        }

        if (!Enum.IsDefined(Pipeline))
        {
            throw new ArgumentException($"Unknown pipeline {Pipeline}.", nameof(Pipeline));
        }
    }
}
