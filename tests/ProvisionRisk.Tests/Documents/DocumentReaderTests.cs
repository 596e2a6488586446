using ProvisionRisk.Documents;

namespace ProvisionRisk.Tests.Documents;

public sealed class DocumentReaderTests
{
    private static readonly Lazy<SegmentedDocument> Text = new(() => DocumentReader.Read(FixtureDocuments.TextPath));

    private static SegmentedDocument Fixture(string extension) =>
        DocumentReader.Read(Path.Combine(FixtureDocuments.Folder, FixtureDocuments.Name + extension));

    public static TheoryData<string> Formats() => new() { ".html", ".docx", ".pdf", ".md" };

    public static TheoryData<string> FormatsWithNotes() => new() { ".html", ".docx", ".pdf" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_yields_the_provisions_of_the_plain_text(string extension)
    {
        var document = extension == ".md" ? Markdown() : Fixture(extension);
        var expected = Text.Value.Provisions;
        Assert.Equal(expected.Select(p => p.Ref), document.Provisions.Select(p => p.Ref));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Text == document.Provisions[i].Text, $"{extension}: {expected[i].Ref} reads\n{document.Provisions[i].Text}\ninstead of\n{expected[i].Text}");
            Assert.Equal(expected[i].Heading, document.Provisions[i].Heading);
        }

        Assert.Equal(FixtureDocuments.Name, document.Name);
    }

    [Fact]
    public void The_excerpt_is_cut_as_the_whole_convention_is()
    {
        var whole = DocumentSegmenter.SegmentFile(Path.Combine(RepoPaths.Root, "samples", "budapest-ets185.txt")).Provisions
            .ToDictionary(p => p.Ref, StringComparer.Ordinal);
        var excerpt = Text.Value.Provisions;
        Assert.Equal(33, excerpt.Count);
        Assert.All(excerpt, p => Assert.Equal(whole[p.Ref].Text, p.Text));
    }

    [Theory]
    [MemberData(nameof(FormatsWithNotes))]
    public void Footnotes_are_notes_of_the_provision_citing_them_never_its_text(string extension)
    {
        var document = Fixture(extension);
        var cited = document.Provisions.Where(p => p.Notes.Count > 0).ToList();
        Assert.Equal(["Article 15(1)", "Article 19(4)"], cited.Select(p => p.Ref));
        Assert.Equal(FixtureDocuments.Notes[0].Note, Assert.Single(cited[0].Notes).Text);
        Assert.Equal(FixtureDocuments.Notes[1].Note, Assert.Single(cited[1].Notes).Text);
        Assert.Equal("1", cited[0].Notes[0].Marker);
        Assert.DoesNotContain(document.Provisions, p => p.Text.Contains("Fixture footnote", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_provisions_report_their_page_and_headers_footers_and_page_numbers_stay_out()
    {
        var document = Fixture(".pdf");
        var pages = document.Provisions.Select(p => p.Page ?? 0).ToList();
        Assert.Equal(1, pages[0]);
        Assert.True(pages[^1] >= 3, "the excerpt spans several pages");
        Assert.Equal(pages.Order(), pages);
        Assert.DoesNotContain(document.Provisions, p => p.Text.Contains("Treaty Series", StringComparison.Ordinal) || p.Text.Contains("- 2 -", StringComparison.Ordinal));
        Assert.DoesNotContain("Treaty Series", document.Source, StringComparison.Ordinal);
        Assert.All(Text.Value.Provisions, p => Assert.Null(p.Page));
    }

    [Fact]
    public void Word_numbering_is_rendered_and_tracked_changes_are_read_as_accepted()
    {
        var document = Fixture(".docx");
        Assert.Contains(document.Provisions, p => p.Ref == "Article 16(4)" && p.Text.StartsWith("4. The powers", StringComparison.Ordinal));
        Assert.Contains(document.Provisions, p => p.Ref == "Article 19(3)" && p.Text.Contains("; d) render inaccessible", StringComparison.Ordinal));
        Assert.DoesNotContain("Deleted words", document.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("Treaty Series", document.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_leaves_out_scripts_navigation_hidden_text_and_page_chrome()
    {
        var document = Fixture(".html");
        foreach (var absent in new[] { "Article 99", "Article 98", "Treaty Series", "Page 1 of 1", "↩" })
        {
            Assert.DoesNotContain(absent, document.Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fixtures_made_now_read_as_the_committed_ones()
    {
        // Regenerate the committed fixtures with PROVISIONRISK_WRITE_FIXTURES=1 after changing the excerpt or the layout.
        if (Environment.GetEnvironmentVariable("PROVISIONRISK_WRITE_FIXTURES") == "1")
        {
            FixtureDocuments.WriteAll();
        }

        var expected = Text.Value.Provisions.Select(p => (p.Ref, p.Text)).ToList();
        var made = new[]
        {
            DocumentReader.Read(new MemoryStream(FixtureDocuments.Pdf()), FixtureDocuments.Name, DocumentType.Pdf),
            DocumentReader.Read(new MemoryStream(FixtureDocuments.Docx()), FixtureDocuments.Name, DocumentType.Docx),
            DocumentReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(FixtureDocuments.Html())), FixtureDocuments.Name, DocumentType.Html),
        };
        Assert.All(made, d => Assert.Equal(expected, d.Provisions.Select(p => (p.Ref, p.Text)).ToList()));
    }

    [Fact]
    public void Markdown_markup_is_removed_and_footnotes_become_notes()
    {
        var md = """
            # Convention

            ## Article 1

            **Definitions**

            1. For the purposes of this *Convention*, "data" means any [representation](https://example.invalid) of facts.[^a]
            2. \[Reserved\] `code` words.

            [^a]: A note on data
                that continues here.
            """;
        var document = DocumentReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(md)), "md", DocumentType.Markdown);
        Assert.Equal(["Article 1(1)", "Article 1(2)"], document.Provisions.Select(p => p.Ref));
        Assert.Equal("1. For the purposes of this Convention, \"data\" means any representation of facts.", document.Provisions[0].Text);
        Assert.Equal("A note on data that continues here.", Assert.Single(document.Provisions[0].Notes).Text);
        Assert.Equal("Definitions", document.Provisions[0].Heading);
    }

    [Theory]
    [InlineData("empty.pdf", "", "the file is empty")]
    [InlineData("empty.txt", "  \n", "the file is empty")]
    [InlineData("junk.pdf", "this is not a pdf", "not a PDF file")]
    [InlineData("broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer\n", "not a readable PDF")]
    [InlineData("junk.docx", "PK\u0003\u0004 not really a zip", "not a readable Word (.docx) document")]
    [InlineData("draft.odt", "whatever", "unsupported file type '.odt'")]
    [InlineData("binary.txt", "Article 1\0\0\0", "looks like a binary file")]
    public void Unreadable_files_get_a_one_line_error_naming_the_file(string file, string content, string reason)
    {
        using var dir = new TempDirectory();
        var path = dir.File(file);
        File.WriteAllText(path, content);
        var e = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(path));
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Encrypted_and_image_only_files_are_named_as_such()
    {
        using var dir = new TempDirectory();
        var word = dir.File("locked.docx");
        File.WriteAllBytes(word, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        Assert.Contains("encrypted", Assert.Throws<DocumentReadException>(() => DocumentReader.Read(word)).Message, StringComparison.Ordinal);

        var scan = dir.File("scan.pdf");
        File.WriteAllBytes(scan, ImageOnlyPdf());
        Assert.Contains("no text layer", Assert.Throws<DocumentReadException>(() => DocumentReader.Read(scan)).Message, StringComparison.Ordinal);

        var locked = dir.File("locked.pdf");
        File.WriteAllBytes(locked, EncryptedPdf());
        Assert.Contains("encrypted", Assert.Throws<DocumentReadException>(() => DocumentReader.Read(locked)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sniffs_the_format_of_standard_input()
    {
        Assert.Equal(DocumentType.Pdf, DocumentReader.Sniff(FixtureDocuments.Pdf().AsSpan(0, 64)));
        Assert.Equal(DocumentType.Docx, DocumentReader.Sniff(FixtureDocuments.Docx().AsSpan(0, 64)));
        Assert.Equal(DocumentType.Html, DocumentReader.Sniff("<!DOCTYPE html><html>"u8));
        Assert.Equal(DocumentType.Text, DocumentReader.Sniff("Article 1\nEach Party"u8));
    }

    [Fact]
    public void A_folder_yields_its_documents_in_name_order()
    {
        using var dir = new TempDirectory();
        foreach (var f in new[] { "b.pdf", "a.txt", "c.docx", "notes.csv", ".hidden.txt", "d.HTML" })
        {
            File.WriteAllText(dir.File(f), "x");
        }

        Assert.Equal(["a.txt", "b.pdf", "c.docx", "d.HTML"], DocumentReader.DocumentsIn(dir.Path).Select(Path.GetFileName));
    }

    private static SegmentedDocument Markdown()
    {
        // The excerpt as Markdown: headings marked, division lines in bold.
        var lines = File.ReadAllLines(FixtureDocuments.TextPath).Select(l =>
            l.StartsWith("Article ", StringComparison.Ordinal) ? "## " + l
            : l.Length > 0 && l.Where(char.IsLetter).All(char.IsUpper) && l.Any(char.IsLetter) ? "**" + l + "**"
            : l);
        var md = string.Join("\n", lines);
        return DocumentReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(md)), FixtureDocuments.Name, DocumentType.Markdown);
    }

    private static byte[] ImageOnlyPdf()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(200, 200);
        page.AddPng(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
            new UglyToad.PdfPig.Core.PdfRectangle(10, 10, 190, 190));
        return builder.Build();
    }

    /// <summary>A PDF whose trailer names a standard security handler with a user password that the empty password does not open.</summary>
    private static byte[] EncryptedPdf()
    {
        var hex = new string('A', 64);
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{hex}> /U <{hex}> /P -4 >>",
        };
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            pdf.Append(o.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R /Encrypt 4 0 R /ID [<").Append(hex[..32]).Append("> <").Append(hex[..32]).Append(">] >>\n");
        pdf.Append("startxref\n").Append(xref).Append("\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
