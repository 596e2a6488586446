using ProvisionRisk.Documents;
using ProvisionRisk.Reports;

namespace ProvisionRisk.Cli.Commands;

/// <summary><c>template INPUT... [--out FILE]</c>: segmented provisions in the training CSV format with empty labels.</summary>
internal static class TemplateCommand
{
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = Arguments.Parse(args, ["out"], []);
        if (a.Positional.Count == 0)
        {
            throw new UsageException("template needs at least one document (.txt or .md)");
        }

        var provisions = new List<Provision>();
        var failed = false;
        foreach (var input in a.Positional)
        {
            try
            {
                provisions.AddRange(InputLoader.Load(input, null, stdin));
            }
            catch (InputException e)
            {
                stderr.WriteLine("provisionrisk: error: " + e.Message);
                failed = true;
            }
        }

        Output.Write(a.One("out"), stdout, w => TrainingTemplateWriter.Write(provisions, w));
        return failed ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
