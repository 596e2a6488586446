using System.Text.Json;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Reports;

/// <summary>Writes one scored provision as a JSON object of schema 1:
/// <c>{"schema":1,"id","document","ref","kind","text","start","end","line","scores","flagged","evidence"}</c>, followed by
/// <c>"page","notes","openText","crossReferences","precedents","flags","alternatives"</c> (empty when not known or not asked for).</summary>
internal static class ScoreJson
{
    public static void WriteObject(Utf8JsonWriter w, ScoredProvision item)
    {
        var s = item.Score;
        var p = s.Provision;
        w.WriteStartObject();
        w.WriteNumber("schema", 1);
        w.WriteString("id", item.Id);
        w.WriteString("document", item.Document);
        WriteNullable(w, "ref", p?.Ref);
        WriteNullable(w, "kind", s.Kind);
        w.WriteString("text", s.Text);
        if (p is null)
        {
            w.WriteNull("start");
            w.WriteNull("end");
            w.WriteNull("line");
        }
        else
        {
            w.WriteNumber("start", p.Start);
            w.WriteNumber("end", p.End);
            w.WriteNumber("line", p.Line);
        }

        w.WriteStartObject("scores");
        foreach (var l in s.Labels)
        {
            w.WriteNumber(l.Label, Math.Round(l.Probability, 4));
        }

        w.WriteEndObject();
        w.WriteStartObject("flagged");
        foreach (var l in s.Labels)
        {
            w.WriteBoolean(l.Label, l.Flagged);
        }

        w.WriteEndObject();
        w.WriteStartObject("evidence");
        foreach (var l in s.Labels)
        {
            w.WriteStartArray(l.Label);
            foreach (var e in l.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("feature", e.Feature);
                w.WriteNumber("weight", Math.Round(e.Weight, 4));
                w.WriteStartArray("spans");
                foreach (var span in e.Spans)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(span.Start);
                    w.WriteNumberValue(span.End);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        WriteDraft(w, item);
        w.WriteEndObject();
    }

    private static void WriteDraft(Utf8JsonWriter w, ScoredProvision item)
    {
        var s = item.Score;
        var p = s.Provision;
        if (p?.Page is { } page)
        {
            w.WriteNumber("page", page);
        }
        else
        {
            w.WriteNull("page");
        }

        w.WriteStartArray("notes");
        foreach (var n in p?.Notes ?? [])
        {
            w.WriteStartObject();
            w.WriteString("marker", n.Marker);
            w.WriteString("text", n.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("openText");
        foreach (var o in p?.OpenText ?? [])
        {
            w.WriteStartObject();
            w.WriteString("text", o.Text);
            w.WriteNumber("start", o.Start);
            w.WriteNumber("end", o.End);
            WriteStrings(w, "alternatives", o.Alternatives);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("crossReferences");
        foreach (var c in p?.CrossReferences ?? [])
        {
            w.WriteStartObject();
            w.WriteString("text", c.Text);
            w.WriteString("target", c.Target);
            WriteNullable(w, "heading", c.Heading);
            WriteStrings(w, "provisions", c.Provisions);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("precedents");
        foreach (var pr in s.Precedents)
        {
            w.WriteStartObject();
            w.WriteString("id", pr.Provision.Id);
            w.WriteString("source", pr.Provision.Source);
            WriteNullable(w, "ref", pr.Provision.Ref);
            w.WriteNumber("similarity", Math.Round(pr.Similarity, 4));
            w.WriteStartObject("labels");
            foreach (var (label, value) in pr.Provision.Values)
            {
                w.WriteString(label, value);
            }

            w.WriteEndObject();
            WriteNullable(w, "flags", pr.Provision.Flags);
            WriteNullable(w, "rationale", pr.Provision.Rationale);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("flags");
        foreach (var f in s.Flags)
        {
            w.WriteStartObject();
            w.WriteString("flag", f.Flag);
            w.WriteString("label", f.Label);
            w.WriteNumber("support", Math.Round(f.Support, 4));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("alternatives");
        foreach (var a in s.Alternatives)
        {
            w.WriteStartObject();
            w.WriteNumber("openText", a.OpenText);
            w.WriteString("reading", a.Reading);
            w.WriteStartObject("scores");
            foreach (var l in a.Labels)
            {
                w.WriteNumber(l.Label, Math.Round(l.Probability, 4));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>Writes <paramref name="values"/> as a JSON array of strings named <paramref name="name"/>.</summary>
    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
