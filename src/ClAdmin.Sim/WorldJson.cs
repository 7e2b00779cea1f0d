using System.Buffers;
using System.Text;
using System.Text.Json;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim;

/// <summary>
/// The one JSON form of a <see cref="SimWorld"/>: what the store keeps and what round-trips
/// unchanged. Every cladmin run on the simulator reads the world, so the codec is written by hand
/// over <see cref="Utf8JsonReader"/> and <see cref="Utf8JsonWriter"/> (<see cref="WorldJsonReader"/>,
/// <see cref="WorldJsonWriter"/>): plain non-generic code that ReadyToRun compiles ahead of time,
/// where JsonSerializer's metadata had to be JIT-compiled at each start.
/// </summary>
/// <remarks>
/// The document is the one System.Text.Json wrote with camelCase names, enums as their names and
/// nulls omitted: properties in declaration order (including the computed
/// <see cref="SimFile.IsExecutable"/>, written and ignored on reading), dictionaries as objects,
/// lists and sets as arrays, times as <see cref="Utf8JsonWriter"/> writes a <see cref="DateTime"/>.
/// Reading accepts properties in any order, skips unknown ones and leaves missing ones at the
/// class defaults.
/// </remarks>
public static class WorldJson
{
    public static string Serialize(SimWorld world) => Serialize(world, contentsApart: false);

    /// <summary>The world without its files' contents (a store keeps them apart): for each file,
    /// "apart":true and the revision of its content, so that any change still changes the text.</summary>
    public static string SerializeCore(SimWorld world) => Serialize(world, contentsApart: true);

    private static string Serialize(SimWorld world, bool contentsApart)
    {
        ArgumentNullException.ThrowIfNull(world);
        // Sized for the whole document at once (about 20 KB a node): growing it copies it into ever larger
        // arrays of the large object heap, whose allocations stop a short-lived command for a full collection.
        var buffer = new ArrayBufferWriter<byte>((64 * 1024) + (world.Nodes.Count * 24 * 1024));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WorldJsonWriter.WriteWorld(writer, world, contentsApart);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <exception cref="JsonException">The text is not a world document; the message names the
    /// place (nodes[3].interfaces[0].mtu) where reading failed.</exception>
    public static SimWorld Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new JsonException("empty world document");
        }
        return WorldJsonReader.Read(Encoding.UTF8.GetBytes(json));
    }
}
