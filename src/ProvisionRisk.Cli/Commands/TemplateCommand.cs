using ProvisionRisk.Documents;
using ProvisionRisk.Reports;

namespace ProvisionRisk.Cli.Commands;

/// <summary><c>template INPUT... [--out FILE] [--input-format F]</c>: segmented provisions in the training CSV format with
/// empty labels, from documents of any supported format, folders of them, or standard input.</summary>
internal static class TemplateCommand
{
    public static int Run(IReadOnlyList<string> args, StandardInput stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = Arguments.Parse(args, ["out", "input-format"], []);
        if (a.Positional.Count == 0)
        {
            throw new UsageException("template needs at least one document (.txt, .md, .html, .pdf, .docx), folder, or - for standard input");
        }

        var stdinFormat = a.One("input-format");
        if (stdinFormat is not null && !InputLoader.StdinFormats.Contains(stdinFormat))
        {
            throw new UsageException($"option --input-format must be one of {string.Join(", ", InputLoader.StdinFormats)}, not '{stdinFormat}'");
        }

        var provisions = new List<Provision>();
        var failed = false;
        foreach (var argument in a.Positional)
        {
            try
            {
                foreach (var input in InputLoader.Expand(argument))
                {
                    try
                    {
                        provisions.AddRange(InputLoader.Load(input, stdinFormat, stdin));
                    }
                    catch (InputException e)
                    {
                        stderr.WriteLine("provisionrisk: error: " + e.Message);
                        failed = true;
                    }
                }
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
