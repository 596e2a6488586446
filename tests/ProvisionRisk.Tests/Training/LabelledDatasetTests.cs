using System.Text;
using ProvisionRisk.Training;

namespace ProvisionRisk.Tests.Training;

public sealed class LabelledDatasetTests
{
    private const string Header = "id,source,text,overbreadth,missing_safeguards\n";

    private static LabelledDataset Load(string content, IReadOnlyList<string>? labels = null) =>
        LabelledDataset.Load(new MemoryStream(Encoding.UTF8.GetBytes(content)), "data.csv", labels);

    private static LabelledDataException Fails(string content, IReadOnlyList<string>? labels = null) =>
        Assert.Throws<LabelledDataException>(() => Load(content, labels));

    [Fact]
    public void Reads_yes_and_partial_as_positive_and_no_and_na_as_negative()
    {
        var data = Load(Header + "a,s,text a,yes,n/a\nb,s,text b,partial,no\nc,s,text c,1,0\nd,s,text d,TRUE,false\n");
        Assert.Equal(["overbreadth", "missing_safeguards"], data.Labels);
        Assert.Equal([true, true, true, true], data.Rows.Select(r => r.IsPositive("overbreadth")));
        Assert.All(data.Rows, r => Assert.False(r.IsPositive("missing_safeguards")));
        Assert.Equal("s", data.Rows[0].Group);
    }

    [Fact]
    public void Loads_other_teams_label_sets_with_only_id_text_and_labels()
    {
        var data = Load("id,text,ltd,ter\n1,clause one,1,0\n2,clause two,0,1\n");
        Assert.Equal(["ltd", "ter"], data.Labels);
        Assert.Equal(string.Empty, data.Rows[0].Source);
        var chosen = Load("id,text,ltd,ter,extra\n1,clause one,1,0,x\n", ["ltd"]);
        Assert.Equal(["ltd"], chosen.Labels);
    }

    [Fact]
    public void Uses_the_group_column_for_folds_when_present()
    {
        var data = Load("id,source,group,text,x\n1,a,g,t,yes\n2,b,g,t,no\n");
        Assert.Equal(["g"], data.Groups);
    }

    [Fact]
    public void Rejects_a_missing_required_column_naming_it()
    {
        var e = Fails("id,source,overbreadth\na,s,yes\n");
        Assert.Equal(1, e.Line);
        Assert.Equal("text", e.Field);
        Assert.Contains("data.csv:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_label_value_with_line_and_field()
    {
        var e = Fails(Header + "a,s,text,yes,no\nb,s,text,maybe,no\n");
        Assert.Equal(3, e.Line);
        Assert.Equal("overbreadth", e.Field);
        Assert.Contains("maybe", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_empty_text_and_empty_labels()
    {
        Assert.Equal("text", Fails(Header + "a,s,,yes,no\n").Field);
        Assert.Equal("missing_safeguards", Fails(Header + "a,s,t,yes,\n").Field);
    }

    [Fact]
    public void Rejects_duplicate_ids_naming_the_second_line()
    {
        var e = Fails(Header + "a,s,t,yes,no\na,s,u,no,no\n");
        Assert.Equal(3, e.Line);
        Assert.Equal("id", e.Field);
    }

    [Fact]
    public void Rejects_missing_and_extra_fields()
    {
        Assert.Equal(2, Fails(Header + "a,s,t,yes\n").Line);
        Assert.Equal(3, Fails(Header + "a,s,t,yes,no\nb,s,t,yes,no,extra\n").Line);
    }

    [Fact]
    public void Rejects_an_unterminated_quote()
    {
        var e = Fails(Header + "a,s,\"unterminated,yes,no\n");
        Assert.True(e.Line >= 2);
        Assert.Contains("malformed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_byte_order_mark_and_non_utf8_bytes()
    {
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "a,s,t,yes,no\n")).ToArray();
        var e1 = Assert.Throws<LabelledDataException>(() => LabelledDataset.Load(new MemoryStream(bom), "bom.csv"));
        Assert.Contains("byte-order mark", e1.Message, StringComparison.Ordinal);
        var latin1 = Encoding.Latin1.GetBytes(Header + "a,s,caf\u00e9 law,yes,no\n");
        var e2 = Assert.Throws<LabelledDataException>(() => LabelledDataset.Load(new MemoryStream(latin1), "latin1.csv"));
        Assert.Contains("UTF-8", e2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_empty_file_and_a_header_without_labels()
    {
        Assert.Contains("empty", Fails(string.Empty).Message, StringComparison.Ordinal);
        Assert.Contains("no label columns", Fails("id,source,text\na,s,t\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loads_nothing_from_a_folder_when_one_file_is_bad()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), Header + "a,s,t,yes,no\n");
        File.WriteAllText(dir.File("b.csv"), Header + "b,s,t,yes,sometimes\n");
        var e = Assert.Throws<LabelledDataException>(() => LabelledDataset.Load([dir.Path]));
        Assert.EndsWith("b.csv", e.File, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Rejects_a_file_without_a_header_naming_the_first_missing_column()
    {
        var e = Fails("a,s,some text,yes,no\nb,s,more text,no,no\n");
        Assert.Equal(1, e.Line);
        Assert.Equal("id", e.Field);
        Assert.Contains("data.csv:1: field 'id'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_missing_and_the_extra_field()
    {
        var missing = Fails(Header + "a,s,t,yes\n");
        Assert.Equal((2L, "missing_safeguards"), (missing.Line, missing.Field));
        Assert.Contains("4 fields but the header has 5", missing.Message, StringComparison.Ordinal);
        var extra = Fails(Header + "a,s,t,yes,no\nb,s,t,yes,no,extra\n");
        Assert.Equal((3L, "#6"), (extra.Line, extra.Field));
        Assert.Contains("extra field", extra.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,s,t,yes,no\nb,s,\"never closed,yes,no\nc,s,t,no,no\n", 3, "text")]
    [InlineData("a,s,t\"x,yes,no\n", 2, "text")]
    [InlineData("a,s,t,yes,no\nb,s,t,\"yes\"no,no\n", 3, "overbreadth")]
    public void Names_the_line_and_field_of_broken_quoting(string rows, long line, string field)
    {
        var e = Fails(Header + rows);
        Assert.Equal((line, field), (e.Line, e.Field));
        Assert.Contains("malformed CSV", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_line_and_field_of_the_first_byte_that_is_not_utf8_even_deep_in_a_file()
    {
        var good = string.Concat(Enumerable.Range(0, 5000).Select(i => $"r{i},s,Each Party shall adopt measures number {i},no,no\n"));
        var bytes = Encoding.UTF8.GetBytes(Header + good).Concat(Encoding.Latin1.GetBytes("bad,s,caf\u00e9 law,yes,no\nz,s,t,no,no\n")).ToArray();
        var e = Assert.Throws<LabelledDataException>(() => LabelledDataset.Load(new MemoryStream(bytes), "latin1.csv"));
        Assert.Equal((5002L, "text"), (e.Line, e.Field));
        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_first_column_after_a_byte_order_mark_and_rejects_utf16_and_binary_content()
    {
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "a,s,t,yes,no\n")).ToArray();
        var e = Assert.Throws<LabelledDataException>(() => LabelledDataset.Load(new MemoryStream(bom), "bom.csv"));
        Assert.Equal((1L, "id"), (e.Line, e.Field));
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "a,s,t,yes,no\n")).ToArray();
        Assert.Contains("UTF-16", Assert.Throws<LabelledDataException>(() => LabelledDataset.Load(new MemoryStream(utf16), "u.csv")).Message, StringComparison.Ordinal);
        var binary = new byte[300];
        new Random(5).NextBytes(binary);
        binary[10] = 0;
        Assert.Contains("NUL", Assert.Throws<LabelledDataException>(() => LabelledDataset.Load(new MemoryStream(binary), "b.csv")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_stream_that_cannot_seek()
    {
        var data = LabelledDataset.Load(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Header + "a,s,text a,yes,n/a\n")), "pipe");
        Assert.Equal("text a", Assert.Single(data.Rows).Text);
    }

    [Fact]
    public void Rejects_an_id_seen_in_another_file_naming_both_places()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), Header + "x,s,t,yes,no\n");
        File.WriteAllText(dir.File("b.csv"), Header + "y,s,t,yes,no\nx,s,u,no,no\n");
        var e = Assert.Throws<LabelledDataException>(() => LabelledDataset.Load([dir.Path]));
        Assert.Equal((3L, "id"), (e.Line, e.Field));
        Assert.EndsWith("b.csv", e.File, StringComparison.Ordinal);
        Assert.Contains("a.csv:2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_label_values_in_their_canonical_form()
    {
        var data = Load(Header + "a,s,t, Partial ,N/A\n");
        Assert.Equal("partial", data.Rows[0].Values["overbreadth"]);
        Assert.Equal("n/a", data.Rows[0].Values["missing_safeguards"]);
        Assert.Equal(["overbreadth", "missing_safeguards"], data.Rows[0].Values.Keys);
        Assert.False(data.Rows[0].Values.ContainsKey("other"));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
