namespace ProvisionRisk.Documents;

/// <summary>A document cut into provisions and structure.</summary>
/// <param name="Name">The document's name.</param>
/// <param name="Source">The full source text.</param>
/// <param name="Provisions">The provisions in document order.</param>
/// <param name="Structure">The structure elements in document order.</param>
public sealed record SegmentedDocument(
    string Name,
    string Source,
    IReadOnlyList<Provision> Provisions,
    IReadOnlyList<StructureElement> Structure);
