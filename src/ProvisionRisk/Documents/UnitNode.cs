namespace ProvisionRisk.Documents;

/// <summary>A numbered unit while a document is being parsed: an article or section, or a sub-unit.</summary>
internal sealed class UnitNode(UnitNode? parent, MarkerStyle? style, string label, string referencePart)
{
    public UnitNode? Parent { get; } = parent;

    /// <summary>Null for a top-level article or section.</summary>
    public MarkerStyle? Style { get; } = style;

    public string Label { get; } = label;

    /// <summary>For a top-level unit its whole reference (<c>Article 19</c>); otherwise what it adds (<c>(4)</c>).</summary>
    public string ReferencePart { get; set; } = referencePart;

    public string Reference => Parent is null ? ReferencePart : Parent.Reference + ReferencePart;

    public string? Heading { get; set; }

    /// <summary>The unit's own words before its first sub-unit (its body, or the lead-in of its sub-units).</summary>
    public List<TextSpan> Own { get; } = [];

    /// <summary>Words after its sub-units that still belong to it (for example "shall be guilty of an offence").</summary>
    public List<TextSpan> Tail { get; } = [];

    public List<UnitNode> Children { get; } = [];

    public int Line { get; init; }
}
