// Scores a draft with the model embedded in the ProvisionRisk package, through dependency injection and the
// asynchronous streaming API: `dotnet run -- draft.txt`, or without an argument a few built-in provisions.
using Microsoft.Extensions.DependencyInjection;
using ProvisionRisk.Documents;
using ProvisionRisk.Scoring;

const string Example = """
    Article 1
    Any person who publishes false information that causes annoyance to any other person commits an offence.
    Article 2
    1. A law enforcement officer may, without a warrant, require any service provider to disclose any traffic data.
    2. Each Party shall establish as a criminal offence, when committed intentionally, the access to a computer system without right.
    """;

using var services = new ServiceCollection().AddProvisionRisk().BuildServiceProvider();
var model = services.GetRequiredService<RiskModel>();
var document = args.Length > 0 ? DocumentSegmenter.SegmentFile(args[0]) : DocumentSegmenter.Segment(Example, "example");

var scores = new List<ProvisionScore>();
await foreach (var score in model.ScoreAsync(Stream(document.Provisions)))
{
    scores.Add(score);
}

foreach (var score in scores.OrderByDescending(s => s.MaxProbability).Take(5))
{
    var reasons = string.Join(", ", score.Get("overbreadth").Evidence.Take(3).Select(e => e.Feature));
    Console.WriteLine($"{score.Provision!.Ref}: overbreadth {score["overbreadth"]:0.00}, missing safeguards {score["missing_safeguards"]:0.00} ({reasons})");
}

Console.WriteLine($"{scores.Count} provisions of {document.Name} scored for {string.Join(" and ", model.Labels)}");

static async IAsyncEnumerable<Provision> Stream(IEnumerable<Provision> provisions)
{
    foreach (var provision in provisions)
    {
        await Task.Yield();
        yield return provision;
    }
}
