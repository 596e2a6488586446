using ProvisionRisk.Training;

namespace ProvisionRisk.Precedents;

/// <summary>A labelled provision of the training data that reads like the provision being scored: "this clause reads
/// like Budapest Convention Article 19(4)", with how that precedent was labelled and why.</summary>
/// <param name="Provision">The labelled provision: its instrument (<see cref="LabelledProvision.Source"/>), reference,
/// label values, codebook flags and rationale.</param>
/// <param name="Similarity">The cosine similarity of the two texts' word 1–2-gram TF-IDF vectors, from 0 to 1.</param>
public sealed record Precedent(LabelledProvision Provision, double Similarity)
{
    /// <summary>Gets how the precedent is named in reports: its instrument and reference (or its id).</summary>
    public string Name => Provision.Ref is { } r && Provision.Source.Length > 0 ? Provision.Source + " " + r : Provision.Id;
}
