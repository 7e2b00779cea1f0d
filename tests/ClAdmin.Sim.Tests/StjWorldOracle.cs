using System.Text.Json;
using System.Text.Json.Serialization;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Tests;

/// <summary>The world document as System.Text.Json's source generator writes and reads it, with
/// the options the simulator used before its hand-written codec (<see cref="WorldJson"/>). Kept
/// here as the reference the codec must match byte for byte, so that worlds saved by earlier
/// versions keep loading.</summary>
internal static class StjWorldOracle
{
    public static string Serialize(SimWorld world) => JsonSerializer.Serialize(world, StjWorldOracleContext.Default.SimWorld);

    public static SimWorld Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StjWorldOracleContext.Default.SimWorld) ?? throw new JsonException("empty world document");
}

/// <summary>The generated serializers, with the attributes of the former WorldJsonContext.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SimWorld))]
internal sealed partial class StjWorldOracleContext : JsonSerializerContext;
