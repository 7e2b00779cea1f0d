using System.Text.Json;
using System.Text.Json.Serialization;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim;

/// <summary>The one JSON form of a <see cref="SimWorld"/>: what the store keeps and what
/// round-trips unchanged.</summary>
public static class WorldJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(SimWorld world) => JsonSerializer.Serialize(world, Options);

    /// <exception cref="JsonException">The text is not a world document.</exception>
    public static SimWorld Deserialize(string json) =>
        JsonSerializer.Deserialize<SimWorld>(json, Options) ?? throw new JsonException("empty world document");
}
