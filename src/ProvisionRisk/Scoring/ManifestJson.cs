using System.Text.Json.Serialization;

namespace ProvisionRisk.Scoring;

/// <summary>The manifest's JSON contract, generated at build time: reading a model needs no reflection over the
/// manifest's types (faster start-up).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
