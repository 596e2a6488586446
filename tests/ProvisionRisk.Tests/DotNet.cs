using System.Diagnostics;

namespace ProvisionRisk.Tests;

/// <summary>Runs the dotnet host and the command-line tool as child processes.</summary>
internal static class DotNet
{
    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH for test runs).</summary>
    public static string Host { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    /// <summary>The command-line tool built beside the tests.</summary>
    public static string Cli { get; } = Path.Combine(AppContext.BaseDirectory, "ProvisionRisk.Cli.dll");

    /// <summary>A process for <c>dotnet ARGS</c> with redirected output, outside any MSBuild environment of the test run.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A build started from inside a test run must not inherit the run's MSBuild settings, nor leave build servers behind.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("MSBUILD", StringComparison.Ordinal) || k is "VSTEST_HOST_DEBUG" or "DOTNET_HOST_PATH").ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        return info;
    }

    /// <summary>Runs <c>dotnet ARGS</c> to the end; returns its exit code and output (standard output then error).</summary>
    public static (int Code, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {timeout}: {output.Result}{error.Result}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
