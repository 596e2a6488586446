using System.Text;
using System.Text.Json;
using ProvisionRisk.Cli;
using ProvisionRisk.Documents;
using ProvisionRisk.Tests.Documents;

namespace ProvisionRisk.Tests.Cli;

public sealed class DraftCliTests
{
    private static string Fixture(string extension) => Path.Combine(FixtureDocuments.Folder, FixtureDocuments.Name + extension);

    private static (int Code, string Out, string Err) Run(params string[] args) => Run(Stream.Null, args);

    private static (int Code, string Out, string Err) Run(Stream stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, stdin, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    private static readonly Lazy<string[]> ExpectedRefs = new(() => DocumentReader.Read(FixtureDocuments.TextPath).Provisions.Select(p => p.Ref).ToArray());

    [Theory]
    [InlineData(".pdf")]
    [InlineData(".docx")]
    [InlineData(".html")]
    [InlineData(".txt")]
    public void Scores_a_draft_in_every_format_into_the_same_provisions(string extension)
    {
        var (code, output, err) = Run("score", Fixture(extension), "--model", TinyModel.File, "--format", "jsonl");
        Assert.True(code == 0, err);
        var lines = Lines(output);
        Assert.Equal(ExpectedRefs.Value, lines.Select(l => l.GetProperty("ref").GetString()));
        var cites = lines.Single(l => l.GetProperty("ref").GetString() == "Article 15(1)").GetProperty("notes");
        Assert.Equal(extension == ".txt" ? 0 : 1, cites.GetArrayLength());
        Assert.Equal(extension == ".pdf" ? JsonValueKind.Number : JsonValueKind.Null, lines[^1].GetProperty("page").ValueKind);
    }

    [Fact]
    public void Reads_the_rows_of_a_table_in_context_by_their_document_column_or_alone_when_asked()
    {
        using var dir = new TempDirectory();
        var rows = TinyModel.Data.Rows.Where(r => r.Source is "malabo-2014" or "us-cfaa-18usc1030").ToList();
        string Table(IEnumerable<ProvisionRisk.Training.LabelledProvision> subset, bool withDocument)
        {
            var path = dir.File(Guid.NewGuid().ToString("N") + ".csv");
            using var writer = new StreamWriter(path);
            using var csv = CsvHelper.CsvWriter.Create(writer, new CsvHelper.CsvWriterOptions { NewLine = "\n" });
            csv.WriteRecord(withDocument ? ["id", "document", "text"] : ["id", "text"]);
            foreach (var r in subset)
            {
                csv.WriteRecord(withDocument ? [r.Id, r.Source, r.Text] : [r.Id, r.Text]);
            }

            return path;
        }

        Dictionary<string, double> Scores(string table, params string[] options)
        {
            var (code, output, err) = Run(["score", table, "--model", TinyModel.File, "--format", "jsonl", "--no-evidence", .. options]);
            Assert.True(code == 0, err);
            return Lines(output).ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("scores").GetProperty("missing_safeguards").GetDouble());
        }

        // With a document column, each instrument's rows are read with each other only: as if each were its own table.
        var both = Scores(Table(rows, withDocument: true));
        var separately = rows.GroupBy(r => r.Source).SelectMany(g => Scores(Table(g, withDocument: false))).ToDictionary();
        Assert.Equal(separately.OrderBy(p => p.Key), both.OrderBy(p => p.Key));

        // Without one, the whole table is one document; --alone reads every row by itself.
        var oneDocument = Scores(Table(rows, withDocument: false));
        var alone = Scores(Table(rows, withDocument: false), "--alone");
        Assert.Contains(rows, r => oneDocument[r.Id] != alone[r.Id]);
        Assert.Equal(rows.Count, alone.Count);
        Assert.All(rows.Where((_, i) => i % 20 == 0), r => Assert.Equal(Scores(Table([r], withDocument: false))[r.Id], alone[r.Id]));
    }

    [Fact]
    public void Scores_every_document_of_a_folder_and_one_bad_file_does_not_stop_the_others()
    {
        using var dir = new TempDirectory();
        File.Copy(Fixture(".docx"), dir.File("a-draft.docx"));
        File.WriteAllText(dir.File("b-broken.pdf"), "%PDF-1.7 garbage");
        File.WriteAllBytes(dir.File("c-empty.html"), []);
        File.Copy(Fixture(".html"), dir.File("d-draft.html"));
        File.WriteAllText(dir.File("notes.odt"), "not a document the tool reads");
        var (code, output, err) = Run("score", dir.Path, "--model", TinyModel.File, "--format", "jsonl");
        Assert.Equal(1, code);
        var errors = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("error", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("b-broken.pdf: not a readable PDF", errors[0], StringComparison.Ordinal);
        Assert.Contains("c-empty.html: the file is empty", errors[1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        var documents = Lines(output).Select(l => l.GetProperty("document").GetString()).Distinct().ToList();
        Assert.Equal(["a-draft", "d-draft"], documents);
    }

    [Fact]
    public void Names_unsupported_encrypted_and_image_only_files_in_one_line()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("draft.odt"), "x");
        File.WriteAllBytes(dir.File("locked.docx"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
        var (code, _, err) = Run("score", dir.File("draft.odt"), dir.File("locked.docx"), "--model", TinyModel.File, "--format", "jsonl");
        Assert.Equal(1, code);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("draft.odt: unsupported file type '.odt'", lines[0], StringComparison.Ordinal);
        Assert.Contains("locked.docx: the Word file is encrypted", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_pdf_or_word_draft_from_standard_input()
    {
        using var pdf = new MemoryStream(File.ReadAllBytes(Fixture(".pdf")));
        var (code, output, err) = Run(pdf, "score", "-", "--model", TinyModel.File, "--format", "jsonl");
        Assert.True(code == 0, err);
        Assert.Equal(ExpectedRefs.Value, Lines(output).Select(l => l.GetProperty("ref").GetString()));
        Assert.Equal("stdin", Lines(output)[0].GetProperty("document").GetString());

        using var docx = new MemoryStream(File.ReadAllBytes(Fixture(".docx")));
        var (code2, output2, _) = Run(docx, "score", "-", "--input-format", "docx", "--model", TinyModel.File, "--format", "csv");
        Assert.Equal(0, code2);
        Assert.Equal(ExpectedRefs.Value.Length + 1, output2.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Writes_html_and_markdown_reports_focused_on_the_riskiest_provisions()
    {
        using var dir = new TempDirectory();
        var html = dir.File("report.html");
        var (code, _, err) = Run("score", Fixture(".pdf"), "--model", TinyModel.File, "--format", "html", "--top", "5", "--out", html);
        Assert.True(code == 0, err);
        var page = File.ReadAllText(html);
        Assert.Equal(5, page.Split("<article class=\"provision\"").Length - 1);
        Assert.Contains("Reads like", page, StringComparison.Ordinal);
        Assert.Contains("page ", page, StringComparison.Ordinal);

        var (code2, md, _) = Run("score", Fixture(".docx"), "--model", TinyModel.File, "--format", "md", "--label", "missing_safeguards", "--min-score", "0.5", "--precedents", "0");
        Assert.Equal(0, code2);
        Assert.StartsWith("# Provision risk: ", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Reads like", md, StringComparison.Ordinal);
        Assert.Contains("ranked by probability of missing safeguards", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_precedents_and_scores_open_text_alternatives_when_asked()
    {
        var draft = "Article 5\nProduction orders\nEach State Party [shall][may] empower its competent authorities to order any person to submit specified data.\n";
        var (code, output, err) = Run(new MemoryStream(Encoding.UTF8.GetBytes(draft)), "score", "-", "--model", TinyModel.File, "--format", "jsonl", "--precedents", "2", "--alternatives");
        Assert.True(code == 0, err);
        var line = Assert.Single(Lines(output));
        Assert.Equal(2, line.GetProperty("precedents").GetArrayLength());
        Assert.Equal("[shall][may]", line.GetProperty("openText")[0].GetProperty("text").GetString());
        Assert.Equal(["shall", "may"], line.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("reading").GetString()));
    }

    [Fact]
    public void Warns_that_scores_may_not_be_meaningful_for_text_that_is_not_english()
    {
        var french = "Article 1\nChaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour ériger en infraction pénale l'accès intentionnel et sans droit à tout ou partie d'un système informatique.\n";
        var (code, output, err) = Run(new MemoryStream(Encoding.UTF8.GetBytes(french)), "score", "-", "--model", TinyModel.File, "--format", "jsonl");
        Assert.Equal(0, code);
        Assert.Single(Lines(output));
        Assert.Contains("provisionrisk: warning: standard input: the text does not look like English", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compares_two_versions_of_a_draft_and_exits_0_whatever_changed()
    {
        using var dir = new TempDirectory();
        var newer = dir.File("v2.txt");
        var text = File.ReadAllText(FixtureDocuments.TextPath).Replace(
            "4. Each Party shall adopt such legislative and other measures as may be necessary to empower its competent authorities to order any person",
            "4. Each Party shall adopt such legislative and other measures as may be necessary to empower its competent authorities to order any person or service provider",
            StringComparison.Ordinal);
        File.WriteAllText(newer, text);
        var (code, output, err) = Run("diff", Fixture(".pdf"), newer, "--model", TinyModel.File, "--format", "jsonl");
        Assert.True(code == 0, err);
        var change = Assert.Single(Lines(output));
        Assert.Equal("changed", change.GetProperty("change").GetString());
        Assert.Equal("Article 19(4)", change.GetProperty("new").GetProperty("ref").GetString());
        Assert.Contains(change.GetProperty("redline").EnumerateArray(), s => s.GetProperty("op").GetString() == "inserted" && s.GetProperty("text").GetString() == "or service provider");

        foreach (var format in new[] { "table", "json", "csv", "md", "html" })
        {
            var (c, o, _) = Run("diff", Fixture(".docx"), newer, "--model", TinyModel.File, "--format", format);
            Assert.Equal(0, c);
            Assert.Contains("Article 19(4)", o, StringComparison.Ordinal);
        }

        var (same, none, _) = Run("diff", Fixture(".html"), FixtureDocuments.TextPath, "--model", TinyModel.File, "--format", "jsonl");
        Assert.Equal(0, same);
        Assert.Empty(none.Trim());
        var (all, everything, _) = Run("diff", Fixture(".html"), FixtureDocuments.TextPath, "--model", TinyModel.File, "--format", "jsonl", "--all");
        Assert.Equal(0, all);
        Assert.Equal(ExpectedRefs.Value.Length, Lines(everything).Count);
    }

    [Fact]
    public void A_labelling_template_of_a_word_draft_trains_with_the_shipped_provisions_once_labelled()
    {
        using var dir = new TempDirectory();
        var template = dir.File("to-label.csv");
        var (code, _, err) = Run("template", Fixture(".docx"), "--out", template);
        Assert.True(code == 0, err);

        // A team labels its draft: here by a crude rule, enough for both classes of each label.
        var labelled = dir.File("labelled.csv");
        var rows = File.ReadAllLines(template);
        Assert.Equal("id,source,ref,kind,text,overbreadth,missing_safeguards,flags,rationale", rows[0]);
        using (var writer = new StreamWriter(labelled))
        using (var csv = CsvHelper.CsvWriter.Create(writer, new CsvHelper.CsvWriterOptions { NewLine = "\n" }))
        {
            using var reader = CsvHelper.CsvReader.Create(new StringReader(File.ReadAllText(template)), new CsvHelper.CsvReaderOptions { HasHeader = true });
            reader.ReadHeader();
            csv.WriteRecord(reader.Headers.ToArray());
            while (reader.Read())
            {
                var text = reader.GetString("text")!;
                var broad = text.Contains("any person", StringComparison.Ordinal) || text.Contains("service provider", StringComparison.Ordinal);
                var power = text.Contains("empower", StringComparison.Ordinal);
                csv.WriteRecord([reader.GetString("id")!, reader.GetString("source")!, reader.GetString("ref")!, string.Empty, text,
                    broad ? "yes" : "no", power ? "yes" : "n/a", string.Empty, "labelled by rule"]);
            }
        }

        var shipped = Directory.CreateDirectory(dir.File("shipped")).FullName;
        foreach (var s in new[] { "budapest-ets185", "us-cfaa-18usc1030", "qatar-cybercrime-law-14-2014" })
        {
            File.Copy(Path.Combine(RepoPaths.TrainingData, s + ".csv"), Path.Combine(shipped, s + ".csv"));
        }

        var model = dir.File("team.model");
        var (trained, _, trainErr) = Run("train", "--data", labelled, "--data", shipped, "--no-cv", "--out", model, "--seed", "5");
        Assert.True(trained == 0, trainErr);
        var loaded = ProvisionRisk.Scoring.RiskModel.Load(model);
        Assert.Equal(33, loaded.Manifest.Sources[FixtureDocuments.Name]);
        Assert.Equal(4, loaded.Manifest.Sources.Count);
        Assert.Contains(loaded.TrainingData.Rows, r => r.Rationale == "labelled by rule");
    }

    [Theory]
    [InlineData("score", "x.txt", "--top", "0")]
    [InlineData("score", "x.txt", "--threads", "0")]
    [InlineData("score", "x.txt", "--min-score", "2")]
    [InlineData("score", "x.txt", "--precedents", "-1")]
    [InlineData("score", "x.txt", "--input-format", "odt")]
    [InlineData("diff", "only-one.txt")]
    [InlineData("diff", "a.txt", "b.txt", "--format", "pdf")]
    public void Exits_2_on_wrong_usage_of_the_new_options(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("provisionrisk: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_label_the_model_does_not_have()
    {
        var (code, _, err) = Run("score", FixtureDocuments.TextPath, "--model", TinyModel.File, "--label", "nope");
        Assert.Equal(2, code);
        Assert.Contains("no label 'nope'", err, StringComparison.Ordinal);
    }
}
