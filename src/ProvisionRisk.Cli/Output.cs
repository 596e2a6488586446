namespace ProvisionRisk.Cli;

/// <summary>Where a command writes its result: standard output, or a file written atomically when done.</summary>
internal static class Output
{
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(stdout);
            stdout.Flush();
            return;
        }

        AtomicFile.WriteText(path, write);
    }
}
