using System.Text.Json;
using System.Text.Json.Serialization;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim;

/// <summary>The one JSON form of a <see cref="SimWorld"/>: what the store keeps and what
/// round-trips unchanged. Serialization code is generated at build time (no reflection at run
/// time), because every cladmin run on the simulator reads the world.</summary>
public static class WorldJson
{
    public static string Serialize(SimWorld world) => JsonSerializer.Serialize(world, WorldJsonContext.Default.SimWorld);

    /// <exception cref="JsonException">The text is not a world document.</exception>
    public static SimWorld Deserialize(string json) =>
        JsonSerializer.Deserialize(json, WorldJsonContext.Default.SimWorld) ?? throw new JsonException("empty world document");
}

/// <summary>The generated serializers for the world document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SimWorld))]
internal sealed partial class WorldJsonContext : JsonSerializerContext;
