using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Packaging;

/// <summary>
/// Packs the library and the tool from source into a local folder, as a release would, and uses them as a stranger
/// would: the sample restores the package from that folder and runs, and the tool installs from it and scores a draft.
/// Everything happens in a temporary folder: the repository's build output and the machine's package folder are untouched.
/// </summary>
[Collection(Serial.Name)]
public sealed class PackageTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly string Budapest = Path.Combine(RepoPaths.Root, "samples", "budapest-ets185.txt");

    [Fact]
    public void A_project_outside_the_repository_uses_the_packed_library_and_the_packed_tool_scores_a_draft()
    {
        var version = LibraryVersion() + "-pack." + Guid.NewGuid().ToString("N")[..8];
        using var root = new TempDirectory();
        var feed = Path.Combine(root.Path, "artifacts", "package");
        Pack(root.Path, feed, version);

        CheckLibraryPackage(Path.Combine(feed, $"ProvisionRisk.{version}.nupkg"), Path.Combine(feed, $"ProvisionRisk.{version}.snupkg"));
        CheckToolPackage(Path.Combine(feed, $"ProvisionRisk.Cli.{version}.nupkg"));

        var expected = DocumentSegmenter.SegmentFile(Budapest).Provisions.Count;
        var sampleOutput = RunSample(root.Path, version);
        Assert.Contains($"{expected} provisions of budapest-ets185 scored for overbreadth and missing_safeguards", sampleOutput, StringComparison.Ordinal);
        Assert.Contains("Article ", sampleOutput, StringComparison.Ordinal);

        var toolOutput = RunTool(root.Path, feed, version);
        var lines = toolOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Length);
        Assert.Contains("\"id\":\"budapest-ets185:art2\"", toolOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_consumes_the_version_the_repository_packs()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "samples", "ProvisionRisk.Sample", "ProvisionRisk.Sample.csproj"));
        Assert.Equal(LibraryVersion(), project.Descendants("ProvisionRiskVersion").Single().Value);
        Assert.DoesNotContain(File.ReadLines(Path.Combine(RepoPaths.Root, "ProvisionRisk.sln")), l => l.Contains("Sample", StringComparison.Ordinal));
    }

    private static string LibraryVersion() =>
        typeof(RiskModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+', '-')[0];

    private static void Pack(string root, string feed, string version)
    {
        var build = Path.Combine(root, "build");
        foreach (var project in new[] { "src/ProvisionRisk/ProvisionRisk.csproj", "src/ProvisionRisk.Cli/ProvisionRisk.Cli.csproj" })
        {
            Succeeds(DotNet.Run(RepoPaths.Root, Step, "pack", Path.Combine(RepoPaths.Root, project), "-c", "Release", "--artifacts-path", build,
                "-o", feed, "-p:Version=" + version, "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false", "--disable-build-servers"));
        }
    }

    private static void CheckLibraryPackage(string package, string symbols)
    {
        Assert.True(File.Exists(symbols), "no symbols package");
        using (var snupkg = ZipFile.OpenRead(symbols))
        {
            Assert.Contains(snupkg.Entries, e => e.FullName == "lib/net10.0/ProvisionRisk.pdb");
        }

        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/ProvisionRisk.dll", names);
        Assert.Contains("lib/net10.0/ProvisionRisk.xml", names);
        Assert.Contains("README.md", names);

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName == "ProvisionRisk.nuspec").Open()).Root!;
        var ns = nuspec.GetDefaultNamespace();
        var metadata = nuspec.Element(ns + "metadata")!;
        Assert.Equal("expression", (string?)metadata.Element(ns + "license")?.Attribute("type"));
        Assert.Equal("MIT", (string?)metadata.Element(ns + "license"));
        Assert.Equal("README.md", (string?)metadata.Element(ns + "readme"));
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToList();
        Assert.Contains("Microsoft.Extensions.DependencyInjection.Abstractions", dependencies);
        Assert.Contains("Microsoft.Extensions.Options", dependencies);
        if (Directory.Exists(Path.Combine(RepoPaths.Root, ".git")) || File.Exists(Path.Combine(RepoPaths.Root, ".git")))
        {
            // SourceLink: the commit the package was built from (and the repository URL when the clone has a remote).
            Assert.Matches("^[0-9a-f]{40}$", (string?)metadata.Element(ns + "repository")?.Attribute("commit") ?? string.Empty);
        }

        using var readme = new StreamReader(zip.Entries.Single(e => e.FullName == "README.md").Open());
        var readmeText = readme.ReadToEnd();
        Assert.Contains("## Training data: origins and licences", readmeText, StringComparison.Ordinal);
        Assert.Contains("services.AddProvisionRisk", readmeText, StringComparison.Ordinal);

        using var dll = new MemoryStream();
        using (var entry = zip.Entries.Single(e => e.FullName == "lib/net10.0/ProvisionRisk.dll").Open())
        {
            entry.CopyTo(dll);
        }

        // The default model travels inside the assembly; a deterministic CI build records no path of the build machine.
        using var pe = new PEReader(new MemoryStream(dll.ToArray()));
        var reader = pe.GetMetadataReader();
        Assert.Contains(reader.ManifestResources.Select(h => reader.GetString(reader.GetManifestResource(h).Name)), n => n == RiskModel.DefaultResourceName);
        Assert.True(dll.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(RepoPaths.Root)) < 0, "the assembly contains a path of the build machine");
    }

    private static void CheckToolPackage(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var settings = zip.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        var command = XDocument.Load(settings.Open()).Descendants("Command").Single();
        Assert.Equal("provisionrisk", (string?)command.Attribute("Name"));
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
    }

    private static string RunSample(string root, string version)
    {
        // The sample as it is in the repository, in the same place relative to the feed (its nuget.config points there).
        var sample = Directory.CreateDirectory(Path.Combine(root, "samples", "ProvisionRisk.Sample")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "ProvisionRisk.Sample")))
        {
            File.Copy(file, Path.Combine(sample, Path.GetFileName(file)));
        }

        // Restore into a folder of its own (the machine's package folder serves the other packages, read-only), so a
        // test package never lands in the machine's cache.
        var (_, locals) = Succeeds(DotNet.Run(root, Step, "nuget", "locals", "global-packages", "--list"));
        var global = locals[(locals.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        Succeeds(DotNet.Run(sample, Step, "restore", "-p:ProvisionRiskVersion=" + version, "-p:RestorePackagesPath=" + Path.Combine(root, "packages"),
            "-p:RestoreFallbackFolders=" + global));
        Succeeds(DotNet.Run(sample, Step, "build", "--no-restore", "-c", "Release", "-nodeReuse:false", "--disable-build-servers",
            "-p:ProvisionRiskVersion=" + version));
        return Succeeds(DotNet.Run(sample, Step, Path.Combine(sample, "bin", "Release", "net10.0", "ProvisionRisk.Sample.dll"), Budapest)).Output;
    }

    private static string RunTool(string root, string feed, string version)
    {
        var tools = Path.Combine(root, "tools");
        Succeeds(DotNet.Run(root, Step, "tool", "install", "ProvisionRisk.Cli", "--version", version, "--tool-path", tools, "--add-source", feed));
        var info = DotNet.StartInfo(root);
        info.FileName = Path.Combine(tools, OperatingSystem.IsWindows() ? "provisionrisk.exe" : "provisionrisk");
        if (Path.IsPathRooted(DotNet.Host))
        {
            // The tool's launcher finds the runtime beside the dotnet host running the tests.
            info.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotNet.Host);
        }

        foreach (var arg in new[] { "score", Budapest, "--format", "jsonl" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(Step), "provisionrisk score did not finish");
        Assert.True(process.ExitCode == 0, error.Result);
        return output;
    }

    private static (int Code, string Output) Succeeds((int Code, string Output) result)
    {
        Assert.True(result.Code == 0, result.Output);
        return result;
    }
}
