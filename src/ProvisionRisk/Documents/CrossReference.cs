namespace ProvisionRisk.Documents;

/// <summary>
/// A reference from a provision to another unit of the instrument ("subject to Articles 14 and 15", "in accordance
/// with paragraph 3 of this article"), resolved to the provisions it points to, so that a reader sees the safeguard
/// clause a power depends on.
/// </summary>
/// <param name="Text">The referring words as drafted, for example <c>subject to Articles 14 and 15</c>.</param>
/// <param name="Start">The offset of <paramref name="Text"/> in <see cref="Provision.Text"/>.</param>
/// <param name="End">The offset just past <paramref name="Text"/>.</param>
/// <param name="Target">The unit referred to, in the segmenter's reference style (<c>Article 15</c>, <c>Article 19(3)</c>), or
/// the words as drafted when the unit belongs to another instrument (<c>section 5 of the Penal Code</c>).</param>
/// <param name="Heading">The heading of the unit referred to, when the document gives one (<c>Conditions and safeguards</c>).</param>
/// <param name="Provisions">The references of the document's provisions that make up the target; empty when the target is
/// in another instrument or not in the document.</param>
public sealed record CrossReference(string Text, int Start, int End, string Target, string? Heading, IReadOnlyList<string> Provisions)
{
    /// <summary>Gets a value indicating whether the target was found among the document's provisions.</summary>
    public bool IsResolved => Provisions.Count > 0;
}
