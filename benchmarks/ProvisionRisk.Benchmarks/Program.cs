using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using ProvisionRisk.Training;

namespace ProvisionRisk.Benchmarks;

/// <summary>
/// The benchmarks' entry point. <c>stream ...</c> and <c>data-hash</c> are this program's own commands; any other
/// arguments go to BenchmarkDotNet (<c>--filter '*'</c>, <c>--job dry</c>, <c>--anyCategories Training</c>, ...), plus
/// <c>--exclude-category NAME</c> (repeatable), which leaves out the benchmarks of that category.
/// </summary>
public static class Program
{
    /// <summary>Runs a command or the benchmarks.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 when every benchmark ran, 1 when one failed, 2 on wrong usage.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args)
        {
            case ["stream", .. var rest]:
                return StreamCommand.Run(rest);
            case ["data-hash"]:
                // The fingerprint a model's manifest records for the data it was trained on: tells whether the shipped
                // model's cross-validation metrics describe the current training-data/.
                Console.WriteLine(TrainingDataWriter.Hash(LabelledDataset.Load([Repository.TrainingData])));
                return 0;
        }

        var arguments = new List<string>();
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--exclude-category" && i + 1 < args.Length)
            {
                excluded.Add(args[++i]);
            }
            else
            {
                arguments.Add(args[i]);
            }
        }

        FixedJobAttribute.CommandLineJob = arguments.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
        if (excluded.Count > 0)
        {
            config = config.AddFilter(new SimpleFilter(b => !b.Descriptor.Categories.Any(excluded.Contains)));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments], config).ToList();
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
