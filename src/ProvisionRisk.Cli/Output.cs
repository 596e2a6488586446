namespace ProvisionRisk.Cli;

/// <summary>Where a command writes its result: standard output, or a file written atomically when done.</summary>
internal static class Output
{
    public static void Write(string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(Console.Out);
            Console.Out.Flush();
            return;
        }

        AtomicFile.WriteText(path, write);
    }
}
