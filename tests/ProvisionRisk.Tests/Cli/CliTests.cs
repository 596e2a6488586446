using System.Text.Json;
using ProvisionRisk.Cli;

namespace ProvisionRisk.Tests.Cli;

public sealed class CliTests
{
    private static readonly string Budapest = Path.Combine(RepoPaths.Root, "samples", "budapest-ets185.txt");

    private static (int Code, string Out, string Err) RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput(string.Empty, args);

    [Fact]
    public void Scores_a_document_as_json_lines_of_schema_1()
    {
        using var dir = new TempDirectory();
        var output = dir.File("scores.jsonl");
        var (code, _, err) = Run("score", Budapest, "--model", TinyModel.File, "--format", "jsonl", "--out", output);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(output);
        Assert.Equal(ProvisionRisk.Documents.DocumentSegmenter.SegmentFile(Budapest).Provisions.Count, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        foreach (var key in new[] { "schema", "id", "document", "ref", "kind", "text", "start", "end", "line", "scores", "flagged", "evidence" })
        {
            Assert.True(root.TryGetProperty(key, out _), "missing " + key);
        }

        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("budapest-ets185:art1(a)", root.GetProperty("id").GetString());
        Assert.InRange(root.GetProperty("scores").GetProperty("overbreadth").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("evidence").GetProperty("overbreadth").ValueKind);
    }

    [Fact]
    public void Ranks_provisions_in_a_table_with_reasons()
    {
        var (code, output, _) = Run("score", Budapest, "--model", TinyModel.File, "--format", "table");
        Assert.Equal(0, code);
        var rows = output.Split('\n').Skip(1).Where(l => l.Length > 4 && char.IsDigit(l.TrimStart()[0])).ToList();
        Assert.StartsWith("1  budapest-ets185", rows[0].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("overbreadth", output.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_a_provision_table_and_writes_spreadsheet_safe_csv()
    {
        using var dir = new TempDirectory();
        var table = dir.File("p.csv");
        File.WriteAllText(table, "id,text,other\nx1,\"=HYPERLINK(\"\"http://example.invalid\"\")\",a\nx2,Any person who publishes false news commits an offence.,b\n");
        var (code, output, err) = Run("score", table, "--model", TinyModel.File, "--format", "csv");
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,document,ref,kind,line,overbreadth", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("x1,p.csv", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", output, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_document_or_a_table_from_standard_input()
    {
        var (code, output, _) = RunWithInput("Article 2\nEach Party shall criminalise access without right.\n", "score", "-", "--model", TinyModel.File, "--format", "jsonl");
        Assert.Equal(0, code);
        Assert.Contains("\"ref\":\"Article 2\"", output, StringComparison.Ordinal);
        var (code2, output2, _) = RunWithInput("{\"id\":\"k\",\"text\":\"Any person may be ordered to assist.\"}\n", "score", "-", "--input-format", "jsonl", "--model", TinyModel.File, "--format", "jsonl");
        Assert.Equal(0, code2);
        Assert.Contains("\"id\":\"k\"", output2, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_row_can_name_its_document_and_a_bad_document_field_is_named()
    {
        var lines = "{\"id\":\"a\",\"document\":\"treaty-a\",\"text\":\"Each Party shall criminalise access without right.\"}\n"
            + "{\"id\":\"b\",\"text\":\"Any person may be ordered to assist.\"}\n";
        var (code, output, err) = RunWithInput(lines, "score", "-", "--input-format", "jsonl", "--model", TinyModel.File, "--format", "jsonl");
        Assert.True(code == 0, err);
        Assert.Contains("\"document\":\"treaty-a\"", output, StringComparison.Ordinal);
        Assert.Contains("\"document\":\"stdin\"", output, StringComparison.Ordinal);
        var (bad, _, badErr) = RunWithInput("{\"id\":\"c\",\"text\":\"t\",\"document\":[1]}\n", "score", "-", "--input-format", "jsonl", "--model", TinyModel.File);
        Assert.Equal(1, bad);
        Assert.Contains(":1: field 'document': expected a string", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_going_after_a_bad_input_and_exits_1()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.jsonl");
        File.WriteAllText(bad, "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\"}\n");
        var (code, output, err) = Run("score", dir.File("missing.txt"), bad, Budapest, "--model", TinyModel.File, "--format", "jsonl");
        Assert.Equal(1, code);
        Assert.Contains("missing.txt: no such file", err, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl:2: field 'text': missing", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Contains("budapest-ets185:art2", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("score")]
    [InlineData("score", "x.txt", "--format", "pdf")]
    [InlineData("score", "x.txt", "--threshold", "overbreadth")]
    [InlineData("score", "x.txt", "--bogus")]
    [InlineData("train")]
    [InlineData("train", "--data", "d", "--seed", "many")]
    [InlineData("train", "--data", "d", "--l2", "strong")]
    [InlineData("train", "--data", "d", "--linear", "svm")]
    [InlineData("train", "--data", "d", "--context", "11")]
    [InlineData("train", "--data", "d", "--context", "wide")]
    [InlineData("train", "--data", "d", "--region", "51")]
    [InlineData("train", "--data", "d", "--region", "-1")]
    [InlineData("train", "--data", "d", "--linear-cues", "maybe")]
    [InlineData("train", "--data", "d", "--no-cv", "--predictions", "p.csv")]
    [InlineData("evaluate")]
    public void Exits_2_on_wrong_usage(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("provisionrisk: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_threshold_label_and_a_bad_model_file()
    {
        Assert.Equal(2, Run("score", Budapest, "--model", TinyModel.File, "--threshold", "nope=0.5").Code);
        using var dir = new TempDirectory();
        var junk = dir.File("junk.model");
        File.WriteAllText(junk, "not a zip");
        var (code, _, err) = Run("score", Budapest, "--model", junk);
        Assert.Equal(1, code);
        Assert.Contains("not a ProvisionRisk model", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Trains_a_model_and_never_replaces_a_good_one_with_a_failed_run()
    {
        using var dir = new TempDirectory();
        var data = Directory.CreateDirectory(dir.File("data")).FullName;
        foreach (var s in new[] { "budapest-ets185", "rwanda-cybercrimes-law-60-2018", "us-cfaa-18usc1030", "qatar-cybercrime-law-14-2014" })
        {
            File.Copy(Path.Combine(RepoPaths.TrainingData, s + ".csv"), Path.Combine(data, s + ".csv"));
        }

        var model = dir.File("out.model");
        var predictions = dir.File("held-out.csv");
        var (code, output, err) = Run("train", "--data", data, "--out", model, "--format", "json", "--seed", "3", "--l2", "0.25", "--region", "4", "--linear-cues", "no", "--predictions", predictions);
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(predictions);
        Assert.Equal("id,group,kind,predicted_kind,overbreadth,overbreadth_threshold,overbreadth_flagged,overbreadth_truth,"
            + "missing_safeguards,missing_safeguards_threshold,missing_safeguards_flagged,missing_safeguards_truth", rows[0]);
        var cfaa = File.ReadAllLines(Path.Combine(data, "us-cfaa-18usc1030.csv")).Length - 1;
        Assert.Equal(cfaa, rows.Count(r => r.Contains(",us-cfaa-18usc1030,", StringComparison.Ordinal)));
        Assert.StartsWith("budapest-ets185:art1(a),budapest-ets185,definition,", rows[1], StringComparison.Ordinal);
        Assert.Contains("leave-one-instrument-out", output, StringComparison.Ordinal);
        var loaded = ProvisionRisk.Scoring.RiskModel.Load(model);
        Assert.Contains("l2=0.25", loaded.Manifest.Settings, StringComparison.Ordinal);
        Assert.Contains("naiveBayesWeighting=true", loaded.Manifest.Settings, StringComparison.Ordinal);
        Assert.Contains("contextWindow=2", loaded.Manifest.Settings, StringComparison.Ordinal);
        Assert.Equal(2, loaded.Manifest.ContextWindow);
        Assert.Contains("regionWindow=4", loaded.Manifest.Settings, StringComparison.Ordinal);
        Assert.Contains("linearCueFeatures=false", loaded.Manifest.Settings, StringComparison.Ordinal);
        Assert.Equal(4, loaded.Manifest.RegionWindow);
        Assert.NotNull(loaded.Manifest.CrossValidation);
        Assert.Equal(4, loaded.Manifest.Sources.Count);
        var before = File.ReadAllBytes(model);

        File.AppendAllText(Path.Combine(data, "us-cfaa-18usc1030.csv"), "broken-row,us-cfaa-18usc1030,g,r,general,text,perhaps,no,,why,\n");
        var (code2, _, err2) = Run("train", "--data", data, "--out", model, "--no-cv");
        Assert.Equal(1, code2);
        Assert.Contains("us-cfaa-18usc1030.csv", err2, StringComparison.Ordinal);
        Assert.Contains("perhaps", err2, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(model));
        Assert.Equal([model, predictions], Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void Evaluates_and_describes_a_model()
    {
        var (code, output, _) = Run("evaluate", "--data", Path.Combine(RepoPaths.TrainingData, "malabo-2014.csv"), "--model", TinyModel.File);
        Assert.Equal(0, code);
        Assert.Contains("overbreadth", output, StringComparison.Ordinal);
        Assert.Contains("ROC-AUC", output, StringComparison.Ordinal);
        var (code2, info, _) = Run("info", "--model", TinyModel.File, "--format", "md");
        Assert.Equal(0, code2);
        Assert.Contains("| budapest-ets185 |", info, StringComparison.Ordinal);
        var (code3, json, _) = Run("info", "--model", TinyModel.File, "--format", "json");
        Assert.Equal(0, code3);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(64, doc.RootElement.GetProperty("trainingDataHash").GetString()!.Length);
    }

    [Fact]
    public void Writes_a_labelling_template_for_a_draft()
    {
        var (code, output, _) = Run("template", Budapest);
        Assert.Equal(0, code);
        Assert.StartsWith("id,source,ref,kind,text,overbreadth,missing_safeguards,flags,rationale", output, StringComparison.Ordinal);
        Assert.Contains("budapest-ets185:art19(4),budapest-ets185,Article 19(4),,", output, StringComparison.Ordinal);
    }
}
