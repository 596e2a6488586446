namespace ProvisionRisk.Training;

/// <summary>How far the stacked trees read around a provision in its document: its neighbours one by one up to
/// <see cref="Window"/> places away (<see cref="DocumentContext.Of"/>), and the mean over the region up to
/// <see cref="Region"/> places away (<see cref="DocumentContext.Region"/>). Zero for either reads nothing of that kind.</summary>
/// <param name="Window">The context window.</param>
/// <param name="Region">The region window.</param>
internal readonly record struct ContextReach(int Window, int Region)
{
    /// <summary>Every provision read alone.</summary>
    public static ContextReach None => default;

    /// <summary>How many neighbours on each side a provision needs in the batch to be read as the model reads it.</summary>
    public int Margin => Math.Max(Window, Region);
}
