namespace ProvisionRisk.Documents;

/// <summary>A footnote cited at <paramref name="Offset"/> of the extracted text.</summary>
internal sealed record NoteAnchor(int Offset, Footnote Note);
