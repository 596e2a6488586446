using System.Text.Json;
using ProvisionRisk.Documents;
using ProvisionRisk.Reports;
using ProvisionRisk.Scoring;
using ProvisionRisk.Tests.Documents;

namespace ProvisionRisk.Tests.Reports;

public sealed class ReportWriterTests
{
    private static readonly Lazy<IReadOnlyList<ScoredProvision>> Scored = new(() =>
    {
        var document = DocumentReader.Read(Path.Combine(FixtureDocuments.Folder, FixtureDocuments.Name + ".pdf"));
        return TinyModel.Model.Score(document.Provisions, new ScoringOptions { Precedents = 2 })
            .Select(s => new ScoredProvision(s.Provision!.Id, s.Provision.Document, s)).ToList();
    });

    private static string Write(ReportFormat format, ReportOptions? options = null, IEnumerable<ScoredProvision>? items = null)
    {
        using var output = new StringWriter();
        using (var writer = new ScoreReportWriter(output, format, TinyModel.Model.Labels, options))
        {
            writer.Write(items ?? Scored.Value);
            writer.Warn("draft", "a <warning> for the reader");
        }

        return output.ToString();
    }

    [Fact]
    public void The_html_report_is_one_self_contained_page_with_everything_a_reader_needs()
    {
        var html = Write(ReportFormat.Html, new ReportOptions { Top = 5 });
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("<article class=\"provision\"").Length - 1);
        foreach (var part in new[] { "id=\"f-label\"", "id=\"f-kind\"", "<mark class=\"raise\"", "Codebook flags", "Reads like", "Depends on", "class=\"scores\"", "&lt;warning&gt;" })
        {
            Assert.Contains(part, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<warning>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void All_document_text_in_html_and_markdown_is_escaped()
    {
        var text = "1. Any person who posts <script>alert('x')</script> or **bold** [link](http://example.invalid) | pipe commits an offence.";
        var provision = new Provision("evil<doc>", "Article 1(1)", "Article 1", "<b>Heading</b>", text, 0, text.Length, 1);
        var score = TinyModel.Model.Score([provision])[0];
        var items = new[] { new ScoredProvision(provision.Id, provision.Document, score) };
        var html = Write(ReportFormat.Html, null, items);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Heading", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var md = Write(ReportFormat.Markdown, null, items);
        Assert.Contains("\\*\\*bold\\*\\*", md, StringComparison.Ordinal);
        Assert.Contains("\\[link\\]", md, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>", md, StringComparison.Ordinal);
        Assert.Contains("> 1\\. Any person", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ranks_the_provisions_for_a_briefing()
    {
        var md = Write(ReportFormat.Markdown, new ReportOptions { Top = 3, Title = "Draft of March" });
        Assert.StartsWith("# Provision risk: Draft of March", md, StringComparison.Ordinal);
        Assert.Contains("3 of 33 provisions (top 3)", md, StringComparison.Ordinal);
        Assert.Contains("## 1. ", md, StringComparison.Ordinal);
        Assert.Contains("## 3. ", md, StringComparison.Ordinal);
        Assert.DoesNotContain("## 4. ", md, StringComparison.Ordinal);
        Assert.Contains("**Warning:**", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_min_score_and_label_focus_the_report()
    {
        var all = Scored.Value;
        var top = Write(ReportFormat.Jsonl, new ReportOptions { Top = 4, Label = "missing_safeguards", MinScore = 0 })
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("scores").GetProperty("missing_safeguards").GetDouble()).ToList();
        Assert.Equal(4, top.Count);
        Assert.Equal(top.OrderByDescending(x => x), top);
        Assert.Equal(all.Select(s => Math.Round(s.Score["missing_safeguards"], 4)).OrderByDescending(x => x).Take(4), top);

        var above = Write(ReportFormat.Csv, new ReportOptions { MinScore = 0.5 }).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(all.Count(s => s.Score.MaxProbability >= 0.5), above);

        var flagged = Write(ReportFormat.Jsonl, new ReportOptions { Label = "overbreadth" }).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(all.Count(s => s.Score.Get("overbreadth").Flagged), flagged);
        Assert.Throws<ArgumentException>(() => new ScoreReportWriter(TextWriter.Null, ReportFormat.Table, TinyModel.Model.Labels, new ReportOptions { Label = "nope" }));
    }

    [Fact]
    public void Streaming_formats_write_as_they_go_and_ranked_formats_keep_only_the_top()
    {
        var items = Scored.Value;
        using var output = new StringWriter();
        using (var writer = new ScoreReportWriter(output, ReportFormat.Jsonl, TinyModel.Model.Labels))
        {
            for (var i = 0; i < 3; i++)
            {
                writer.Write(items[i]);
                Assert.Equal(i + 1, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
                Assert.Equal(0, writer.Held);
            }
        }

        using var table = new ScoreReportWriter(TextWriter.Null, ReportFormat.Html, TinyModel.Model.Labels, new ReportOptions { Top = 2 });
        foreach (var _ in Enumerable.Range(0, 50))
        {
            table.Write(items);
        }

        Assert.Equal(2, table.Held);
        Assert.Equal(50 * items.Count, table.Scored);
    }

    [Fact]
    public void Json_reports_pages_notes_cross_references_and_precedents()
    {
        var line = Write(ReportFormat.Jsonl).Split('\n').First(l => l.Contains("\"ref\":\"Article 15(1)\"", StringComparison.Ordinal));
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(FixtureDocuments.Notes[0].Note, root.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.Equal(2, root.GetProperty("precedents").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("crossReferences").ValueKind);
        var article19 = JsonDocument.Parse(Write(ReportFormat.Jsonl).Split('\n').First(l => l.Contains("\"ref\":\"Article 19(5)\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal("Article 15", article19.GetProperty("crossReferences")[1].GetProperty("target").GetString());
        Assert.Equal("Conditions and safeguards", article19.GetProperty("crossReferences")[1].GetProperty("heading").GetString());
    }
}
