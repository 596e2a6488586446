using System.Text;

namespace ProvisionRisk.Documents;

/// <summary>
/// Builds the text of a converted document one paragraph a line, as the plain-text instruments are written:
/// whitespace inside a paragraph collapses to single spaces, and footnote citations are remembered by position
/// (their notes are usually read later, so they are matched by key when the text is built).
/// </summary>
internal sealed class TextBuilder
{
    private readonly StringBuilder text = new();
    private readonly List<int> pageStarts = [];
    private readonly List<(int Offset, string Key, string Marker)> anchors = [];
    private readonly Dictionary<string, string> notes = new(StringComparer.Ordinal);
    private bool pendingSpace;
    private int paragraphStart = -1;

    /// <summary>Gets the number of characters written so far.</summary>
    public int Length => text.Length;

    /// <summary>Marks the start of a new page at the current position (a paragraph may run on across it).</summary>
    public void StartPage() => pageStarts.Add(text.Length);

    /// <summary>Appends words to the current paragraph (opening one if needed), collapsing whitespace.</summary>
    public void Append(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c == '\u00AD')
            {
                // A soft hyphen is invisible; other whitespace separates words.
                pendingSpace |= c != '\u00AD';
                continue;
            }

            if (paragraphStart < 0)
            {
                paragraphStart = text.Length;
                pendingSpace = false;
            }
            else if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }
    }

    /// <summary>Ensures that the next words start after a space (a tab, a cell boundary).</summary>
    public void Space() => pendingSpace = true;

    /// <summary>Records that the footnote with <paramref name="key"/> is cited here.</summary>
    public void Cite(string key, string marker) => anchors.Add((text.Length, key, marker));

    /// <summary>Sets the words of the footnote with <paramref name="key"/>.</summary>
    public void SetNote(string key, string value)
    {
        var words = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        notes[key] = notes.TryGetValue(key, out var before) && before.Length > 0 ? before + " " + words : words;
    }

    /// <summary>Whether a note with <paramref name="key"/> has been set.</summary>
    public bool HasNote(string key) => notes.ContainsKey(key);

    /// <summary>Ends the current paragraph: the next words start a new line.</summary>
    public void EndParagraph()
    {
        if (paragraphStart >= 0)
        {
            text.Append('\n');
        }

        paragraphStart = -1;
        pendingSpace = false;
    }

    /// <summary>Appends a whole paragraph.</summary>
    public void AppendParagraph(string value)
    {
        EndParagraph();
        Append(value);
        EndParagraph();
    }

    /// <summary>Gets the text written so far in the current paragraph (empty when none is open).</summary>
    public string CurrentParagraph => paragraphStart < 0 ? string.Empty : text.ToString(paragraphStart, text.Length - paragraphStart);

    public ExtractedText Build()
    {
        EndParagraph();
        var cited = anchors
            .Where(a => notes.ContainsKey(a.Key))
            .Select(a => new NoteAnchor(Math.Min(a.Offset, text.Length), new Footnote(a.Marker, notes[a.Key])))
            .ToList();
        return new ExtractedText(text.ToString(), pageStarts.ToList(), cited);
    }
}
