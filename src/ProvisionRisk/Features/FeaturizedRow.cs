using Microsoft.ML.Data;

namespace ProvisionRisk.Features;

/// <summary>A provision after featurization: the sparse feature vector (n-grams, then the cues the featurizer
/// includes) and the full cue vector (every cue of <see cref="LegalCues.All"/>).</summary>
internal sealed record FeaturizedRow(VBuffer<float> Features, float[] Cues);
