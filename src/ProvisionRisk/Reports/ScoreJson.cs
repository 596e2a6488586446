using System.Text.Json;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Reports;

/// <summary>Writes one scored provision as a JSON object of schema 1:
/// <c>{"schema":1,"id","document","ref","kind","text","start","end","line","scores","flagged","evidence"}</c>.</summary>
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
        w.WriteEndObject();
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
}
