using System.Text.RegularExpressions;
using ProvisionRisk.Documents;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Training;

/// <summary>Validates every committed training file so that a bad edit cannot land.</summary>
public sealed partial class TrainingDataFilesTests
{
    private static readonly string[] Columns = ["id", "source", "group", "ref", "kind", "text", "overbreadth", "missing_safeguards", "flags", "rationale", "notes"];
    private static readonly HashSet<string> Kinds = ["definition", "criminalisation", "procedural-power", "cooperation", "safeguard", "jurisdiction", "institutional", "penalty", "general"];
    private static readonly HashSet<string> Values = ["yes", "partial", "no", "n/a"];
    private static readonly HashSet<string> Flags =
    [
        "A1 scope-any-offence", "A2 no-intent", "A3 no-without-right", "A4 no-harm", "A5 content-offence", "A6 vague-term",
        "A7 no-public-interest-exemption", "A8 compelled-assistance", "A9 broad-jurisdiction", "A10 open-ended-expansion",
        "A11 broad-definition", "A12 misleading-framing", "B1 no-independent-authorisation", "B2 no-necessity-proportionality",
        "B3 no-limits", "B4 optional-safeguards", "B5 secrecy-no-notification", "B6 no-remedy", "B7 no-oversight",
        "B8 no-dual-criminality", "B9 no-hr-refusal-grounds", "B10 data-sharing-without-protection", "B11 no-privilege-protection",
    ];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.TrainingData, "*.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_row_follows_the_codebook_schema(string file)
    {
        var path = Path.Combine(RepoPaths.TrainingData, file);
        var source = Path.GetFileNameWithoutExtension(file);
        var rows = ReadRows(path);
        Assert.NotEmpty(rows);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, r) in rows)
        {
            var where = $"{file}:{line} ({r["id"]})";
            Assert.True(ids.Add(r["id"]), $"{where}: duplicate id");
            Assert.True(r["source"] == source, $"{where}: source '{r["source"]}' is not the file's instrument");
            Assert.True(r["id"] == ProvisionId.For(source, r["ref"]), $"{where}: id does not match ref '{r["ref"]}'");
            Assert.True(Kinds.Contains(r["kind"]), $"{where}: kind '{r["kind"]}'");
            Assert.True(Values.Contains(r["overbreadth"]), $"{where}: overbreadth '{r["overbreadth"]}'");
            Assert.True(Values.Contains(r["missing_safeguards"]), $"{where}: missing_safeguards '{r["missing_safeguards"]}'");
            var flags = r["flags"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(flags.All(Flags.Contains), $"{where}: unknown flag in '{r["flags"]}'");
            if (r["overbreadth"] is "yes" or "partial")
            {
                Assert.True(flags.Any(f => f.StartsWith('A')), $"{where}: overbreadth {r["overbreadth"]} without an A flag");
            }

            if (r["missing_safeguards"] is "yes" or "partial")
            {
                Assert.True(flags.Any(f => f.StartsWith('B')), $"{where}: missing_safeguards {r["missing_safeguards"]} without a B flag");
            }

            Assert.False(string.IsNullOrWhiteSpace(r["rationale"]), $"{where}: no rationale");
            Assert.False(string.IsNullOrWhiteSpace(r["text"]), $"{where}: no text");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Rows_are_the_instruments_own_words_cut_as_the_segmenter_cuts_them(string file)
    {
        var source = Path.GetFileNameWithoutExtension(file);
        var instrument = RepoPaths.InstrumentFiles().Single(f => DocumentSegmenter.DocumentName(f) == source);
        var provisions = DocumentSegmenter.SegmentFile(instrument).Provisions.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var rows = ReadRows(Path.Combine(RepoPaths.TrainingData, file));
        Assert.Equal(provisions.Count, rows.Count);
        var words = new HashSet<string>(WordPattern().Matches(File.ReadAllText(instrument)).Select(m => m.Value), StringComparer.Ordinal);
        foreach (var (line, r) in rows)
        {
            Assert.True(provisions.TryGetValue(r["id"], out var p), $"{file}:{line}: id '{r["id"]}' is not a provision of the instrument");
            Assert.True(p.Text == r["text"], $"{file}:{line}: text differs from the instrument's provision {p.Ref}");
            var foreign = WordPattern().Matches(r["text"]).Select(m => m.Value).FirstOrDefault(w => !words.Contains(w));
            Assert.True(foreign is null, $"{file}:{line}: word '{foreign}' does not occur in the instrument");
        }
    }

    [Fact]
    public void Instruments_that_share_text_share_a_cross_validation_group()
    {
        var data = LabelledDataset.Load([RepoPaths.TrainingData], ["overbreadth", "missing_safeguards"]);
        var zambia = data.Rows.Where(r => r.Source.StartsWith("zambia-", StringComparison.Ordinal)).Select(r => r.Group).Distinct().ToList();
        Assert.Single(zambia);
        Assert.All(data.Rows.Where(r => !r.Source.StartsWith("zambia-", StringComparison.Ordinal)), r => Assert.Equal(r.Source, r.Group));
    }

    [Fact]
    public void Each_label_has_enough_positive_negative_and_no_rows()
    {
        var data = LabelledDataset.Load([RepoPaths.TrainingData], ["overbreadth", "missing_safeguards"]);
        foreach (var label in data.Labels)
        {
            Assert.True(data.Rows.Count(r => r.IsPositive(label)) >= 250, label + ": fewer than 250 positive rows");
            Assert.True(data.Rows.Count(r => !r.IsPositive(label)) >= 250, label + ": fewer than 250 negative rows");
            Assert.True(data.Rows.Count(r => r.Values[label] == "no") >= 100, label + ": fewer than 100 'no' rows");
        }
    }

    private static List<(long Line, Dictionary<string, string> Row)> ReadRows(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new StreamReader(stream);
        using var csv = CsvHelper.CsvReader.Create(reader, new CsvHelper.CsvReaderOptions
        {
            MalformedData = CsvHelper.CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvHelper.CsvFieldCountHandling.Throw,
            TrackLineNumbers = true,
        });
        csv.ReadHeader();
        Assert.Equal(Columns, csv.Headers);
        var rows = new List<(long, Dictionary<string, string>)>();
        while (csv.Read())
        {
            rows.Add((csv.LineNumber, Columns.ToDictionary(c => c, c => csv.GetString(c) ?? string.Empty)));
        }

        return rows;
    }

    [GeneratedRegex(@"\p{L}{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
