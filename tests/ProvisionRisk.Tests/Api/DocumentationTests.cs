using System.Reflection;
using System.Xml.Linq;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.Api;

public sealed class DocumentationTests
{
    private static readonly Assembly Library = typeof(RiskModel).Assembly;

    private static readonly Dictionary<string, XElement> Docs = XDocument.Load(Path.ChangeExtension(Library.Location, ".xml"))
        .Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);

    public static TheoryData<string> OptionProperties()
    {
        var data = new TheoryData<string>();
        foreach (var type in Library.GetExportedTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                data.Add($"P:{type.FullName}.{property.Name}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OptionProperties))]
    public void Every_option_documents_its_default_value(string member)
    {
        Assert.True(Docs.TryGetValue(member, out var doc), member + " has no XML documentation");
        Assert.StartsWith("The default value is ", ((string?)doc.Element("value"))?.Trim() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_public_type_is_documented()
    {
        var undocumented = Library.GetExportedTypes().Where(t => !Docs.ContainsKey("T:" + t.FullName)).Select(t => t.FullName).ToList();
        Assert.Empty(undocumented);
    }
}
