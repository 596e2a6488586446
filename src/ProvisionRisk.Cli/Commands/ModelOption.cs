using ProvisionRisk.Scoring;

namespace ProvisionRisk.Cli.Commands;

/// <summary>Loads the model named by <c>--model</c>, or the default model shipped in the package.</summary>
internal static class ModelOption
{
    public static RiskModel Load(string? path)
    {
        try
        {
            return path is null ? RiskModel.Default : RiskModel.Load(path);
        }
        catch (InvalidModelException e)
        {
            throw new InputException(e.Message);
        }
    }
}
