namespace ProvisionRisk.Documents;

/// <summary>A span of a document that is kept as structure and not scored.</summary>
/// <param name="Kind">What the span is.</param>
/// <param name="Text">The span's text.</param>
/// <param name="Start">The offset of the span's first character in the source text.</param>
/// <param name="End">The offset just past the span's last character.</param>
/// <param name="Line">The one-based line number of the span's first character.</param>
public sealed record StructureElement(StructureKind Kind, string Text, int Start, int End, int Line);
