using Microsoft.ML.Data;

namespace ProvisionRisk.Features;

/// <summary>A provision after featurization: the sparse feature vector (n-grams then cues) and the cue vector.</summary>
internal sealed record FeaturizedRow(VBuffer<float> Features, float[] Cues);
