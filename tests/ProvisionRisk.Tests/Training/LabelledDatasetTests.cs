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
}
