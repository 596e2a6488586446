namespace ProvisionRisk.Documents;

/// <summary>A footnote or endnote cited by a provision: kept beside the provision, never inside its text.</summary>
/// <param name="Marker">The note's marker as printed (<c>1</c>, <c>*</c>).</param>
/// <param name="Text">The note's words.</param>
public sealed record Footnote(string Marker, string Text);
