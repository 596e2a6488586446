using ProvisionRisk.Reports;

namespace ProvisionRisk.Cli.Commands;

/// <summary><c>info [--model FILE] [--format text|json|md]</c>: the model card.</summary>
internal static class InfoCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var a = Arguments.Parse(args, ["model", "format", "out"], []);
        var format = a.Choice("format", "text", new Dictionary<string, string>(StringComparer.Ordinal) { ["text"] = "text", ["json"] = "json", ["md"] = "md" });
        var model = ModelOption.Load(a.One("model"));
        Output.Write(a.One("out"), stdout, w =>
        {
            switch (format)
            {
                case "json":
                    ModelCardWriter.WriteJson(model, w);
                    break;
                case "md":
                    ModelCardWriter.WriteMarkdown(model, w);
                    break;
                default:
                    ModelCardWriter.WriteText(model, w);
                    break;
            }
        });
        return ExitCodes.Success;
    }
}
