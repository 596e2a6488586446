namespace ProvisionRisk.Documents;

/// <summary>One line of text on a PDF page: its words (footnote markers taken out and remembered by position), where
/// it sits and how large its type is.</summary>
internal sealed class PdfLine
{
    /// <summary>Gets the baseline, in points from the bottom of the page.</summary>
    public required double Y { get; init; }

    public required double Left { get; init; }

    public required double Right { get; init; }

    /// <summary>Gets the most common type size of the line's letters.</summary>
    public required double Size { get; init; }

    /// <summary>Gets the width of the line's first word (to tell whether it would have fitted on the line above).</summary>
    public required double FirstWordWidth { get; init; }

    public required string Text { get; init; }

    /// <summary>Gets the superscript footnote markers, with their offset in <see cref="Text"/>.</summary>
    public required IReadOnlyList<(int Offset, string Marker)> Markers { get; init; }
}
