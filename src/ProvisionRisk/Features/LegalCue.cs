using System.Text.RegularExpressions;

namespace ProvisionRisk.Features;

/// <summary>A legal cue: a phrase pattern that experts read as a sign for or against a risk.</summary>
/// <param name="Name">A short stable name, for example <c>without-right</c>; used as a feature name and in evidence.</param>
/// <param name="Description">What the cue means, in one line.</param>
/// <param name="Pattern">The pattern, matched case-insensitively on the provision's text.</param>
public sealed record LegalCue(string Name, string Description, Regex Pattern);
