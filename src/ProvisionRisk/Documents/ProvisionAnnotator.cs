namespace ProvisionRisk.Documents;

/// <summary>Gives the provisions of a converted document their page and the footnotes they cite.</summary>
internal static class ProvisionAnnotator
{
    public static SegmentedDocument AddPagesAndNotes(SegmentedDocument document, ExtractedText extracted)
    {
        if (extracted.PageStarts.Count == 0 && extracted.NoteAnchors.Count == 0)
        {
            return document;
        }

        var provisions = document.Provisions;
        var notes = new List<Footnote>?[provisions.Count];
        var provisionSpans = provisions.Select(p => (p.Start, p.End)).ToList();
        var structureSpans = document.Structure.Select(e => (e.Start, e.End)).ToList();
        foreach (var anchor in extracted.NoteAnchors)
        {
            foreach (var i in Citing(document, provisionSpans, structureSpans, anchor.Offset))
            {
                (notes[i] ??= []).Add(anchor.Note);
            }
        }

        var result = new List<Provision>(provisions.Count);
        for (var i = 0; i < provisions.Count; i++)
        {
            var p = provisions[i];
            result.Add(p with
            {
                Page = extracted.PageStarts.Count == 0 ? null : PageOf(extracted.PageStarts, p.Start),
                Notes = notes[i] is { } n ? n.Distinct().ToList() : p.Notes,
            });
        }

        return document with { Provisions = result };
    }

    private static int PageOf(IReadOnlyList<int> starts, int offset)
    {
        var lo = 0;
        var hi = starts.Count - 1;
        var page = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (starts[mid] <= offset)
            {
                page = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return page + 1;
    }

    /// <summary>The provisions that cite a note at <paramref name="offset"/>: the one whose words contain it; every
    /// provision that carries the lead-in words containing it; or the first provision under the heading containing it.</summary>
    private static IEnumerable<int> Citing(SegmentedDocument document, List<(int Start, int End)> provisionSpans,
        List<(int Start, int End)> structureSpans, int offset)
    {
        var provisions = document.Provisions;
        var containing = Containing(provisionSpans, offset);
        if (containing >= 0)
        {
            return [containing];
        }

        var at = Containing(structureSpans, offset);
        if (at < 0)
        {
            return [];
        }

        var element = document.Structure[at];
        var following = Enumerable.Range(0, provisions.Count).Where(i => provisions[i].Start > element.End);
        return element.Kind switch
        {
            StructureKind.LeadIn => following.TakeWhile(i => provisions[i].Text.Contains(element.Text, StringComparison.Ordinal)).ToList(),
            StructureKind.Heading => following.Take(1).ToList(),
            _ => [],
        };
    }

    /// <summary>The index of a span containing <paramref name="offset"/> (spans are in document order), or -1.</summary>
    private static int Containing(List<(int Start, int End)> spans, int offset)
    {
        int lo = 0, hi = spans.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (spans[mid].Start <= offset)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // Spans of sub-provisions can start before their parent's closing words: look back a little.
        for (var i = last; i >= 0 && i > last - 8; i--)
        {
            if (spans[i].Start <= offset && offset <= spans[i].End)
            {
                return i;
            }
        }

        return -1;
    }
}
