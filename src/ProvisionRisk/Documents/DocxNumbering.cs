using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ProvisionRisk.Documents;

/// <summary>
/// Renders Word's automatic paragraph numbering as it prints (<c>1.</c>, <c>(a)</c>, <c>(iv)</c>, <c>Article 3</c>):
/// the paragraph's numbering (or its style's), the level's format, start value and level text, with one counter per
/// list and deeper levels restarting when a shallower level moves on. Bullets render as nothing.
/// </summary>
internal sealed class DocxNumbering
{
    private const int Levels = 9;
    private readonly Dictionary<int, W.AbstractNum> abstracts = [];
    private readonly Dictionary<int, W.NumberingInstance> instances = [];
    private readonly Dictionary<string, W.Style> styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> counters = new(StringComparer.Ordinal);

    public DocxNumbering(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var a in numbering.Elements<W.AbstractNum>())
            {
                if (a.AbstractNumberId?.Value is { } id)
                {
                    abstracts[id] = a;
                }
            }

            foreach (var n in numbering.Elements<W.NumberingInstance>())
            {
                if (n.NumberID?.Value is { } id)
                {
                    instances[id] = n;
                }
            }
        }

        foreach (var s in main.StyleDefinitionsPart?.Styles?.Elements<W.Style>() ?? [])
        {
            if (s.StyleId?.Value is { } id)
            {
                styles[id] = s;
            }
        }
    }

    /// <summary>Advances the paragraph's list and returns its printed number, or an empty string.</summary>
    public string Next(W.Paragraph paragraph)
    {
        var (numId, level) = NumberingOf(paragraph);
        if (numId is not { } id || id == 0 || !instances.TryGetValue(id, out var instance)
            || instance.AbstractNumId?.Val?.Value is not { } abstractId || !abstracts.TryGetValue(abstractId, out var definition))
        {
            return string.Empty;
        }

        level = Math.Clamp(level, 0, Levels - 1);
        var overrides = instance.Elements<W.LevelOverride>().ToList();

        // Word continues a list across numbering instances of one definition unless an instance restarts it.
        var key = overrides.Count > 0 ? "num" + id : "abs" + abstractId;
        if (!counters.TryGetValue(key, out var count))
        {
            count = new int[Levels];
            for (var l = 0; l < Levels; l++)
            {
                count[l] = Start(definition, overrides, l) - 1;
            }

            counters[key] = count;
        }

        count[level]++;
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            count[deeper] = Start(definition, overrides, deeper) - 1;
        }

        var lvl = Level(definition, overrides, level);
        var format = lvl?.NumberingFormat?.Val?.Value;
        if (lvl is null || format == W.NumberFormatValues.Bullet || format == W.NumberFormatValues.None)
        {
            return string.Empty;
        }

        var text = lvl.LevelText?.Val?.Value ?? "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".";
        for (var l = 0; l <= level; l++)
        {
            var placeholder = "%" + (l + 1).ToString(CultureInfo.InvariantCulture);
            if (text.Contains(placeholder, StringComparison.Ordinal))
            {
                var f = Level(definition, overrides, l)?.NumberingFormat?.Val?.Value;
                text = text.Replace(placeholder, Format(Math.Max(count[l], 1), f), StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    private (int? NumId, int Level) NumberingOf(W.Paragraph paragraph)
    {
        var direct = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = direct?.NumberingId?.Val?.Value;
        int? level = direct?.NumberingLevelReference?.Val?.Value;
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var guard = 0; (numId is null || level is null) && styleId is not null && guard < 16; guard++)
        {
            if (!styles.TryGetValue(styleId, out var style))
            {
                break;
            }

            var fromStyle = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= fromStyle?.NumberingId?.Val?.Value;
            level ??= fromStyle?.NumberingLevelReference?.Val?.Value;
            styleId = style.BasedOn?.Val?.Value;
        }

        return (numId, level ?? 0);
    }

    private static W.Level? Level(W.AbstractNum definition, List<W.LevelOverride> overrides, int level)
    {
        var overridden = overrides.FirstOrDefault(o => o.LevelIndex?.Value == level)?.Level;
        return overridden ?? definition.Elements<W.Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
    }

    private static int Start(W.AbstractNum definition, List<W.LevelOverride> overrides, int level)
    {
        var start = overrides.FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;
        return start ?? Level(definition, overrides, level)?.StartNumberingValue?.Val?.Value ?? 1;
    }

    private static string Format(int n, W.NumberFormatValues? format)
    {
        if (format == W.NumberFormatValues.LowerLetter)
        {
            return ListNumbering.Letters(n, 'a');
        }

        if (format == W.NumberFormatValues.UpperLetter)
        {
            return ListNumbering.Letters(n, 'A');
        }

        if (format == W.NumberFormatValues.LowerRoman)
        {
            return ListNumbering.Roman(n);
        }

        if (format == W.NumberFormatValues.UpperRoman)
        {
            return ListNumbering.Roman(n).ToUpperInvariant();
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }
}
