using System.Reflection;
using System.Text;
using System.Text.Json;
using ClAdmin.Exec.Files;
using ClAdmin.Menus;

namespace ClAdmin.Scenarios;

/// <summary>
/// Reads scenario files: each is checked against scenario.schema.json by the menus' own schema
/// pass (<see cref="JsonSchemaCheck"/>), then for what the schema cannot say, every error naming
/// the file, the line and the JSON pointer.
/// </summary>
public static class ScenarioReader
{
    /// <summary>The largest scenario file read.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The text of scenario.schema.json as embedded in cladmin.</summary>
    public static string SchemaText { get; } = ReadEmbeddedSchema();

    private static readonly Lazy<JsonSchemaCheck> Schema = new(() => new JsonSchemaCheck(SchemaText, "scenario.schema.json"));

    /// <summary>The scenario in <paramref name="path"/>, or the errors that make it invalid.</summary>
    public static (Scenario? Scenario, IReadOnlyList<MenuError> Errors) ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (bytes, error) = RegularFile.Read(path, MaxFileBytes, "a scenario file");
        return bytes is null ? (null, [new MenuError(path, "", null, error!)]) : Read(path, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The scenario in <paramref name="json"/> (the file <paramref name="file"/>), or its errors.</summary>
    public static (Scenario? Scenario, IReadOnlyList<MenuError> Errors) Read(string file, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = Schema.Value.Check(file, json);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        var lines = new List<MenuError>();
        var world = World(root.GetProperty("world"), file, lines);
        var steps = new List<ScenarioStep>();
        var i = 0;
        foreach (var s in root.GetProperty("steps").EnumerateArray())
        {
            var pointer = $"/steps/{i++}";
            var cmd = Str(s, "cmd");
            var sim = Str(s, "sim");
            var nodes = Str(s, "nodes");
            var expect = s.TryGetProperty("expect", out var e) ? Expect(e) : null;
            if (cmd is not null && sim is not null)
            {
                lines.Add(new MenuError(file, pointer, null, "a step has cmd or sim, not both"));
            }
            if (nodes is not null && cmd is null)
            {
                lines.Add(new MenuError(file, pointer + "/nodes", null, "nodes goes with cmd"));
            }
            var from = Str(s, "from");
            if (from is not null && cmd is null)
            {
                lines.Add(new MenuError(file, pointer + "/from", null, "from goes with cmd"));
            }
            if (cmd is null && sim is null && expect is null)
            {
                lines.Add(new MenuError(file, pointer, null, "a step needs cmd, sim or expect"));
            }
            if (cmd is null && sim is null && expect is { } only && (only.ExitCode is not null || only.Output.Count > 0 || only.OutputLacks.Count > 0))
            {
                lines.Add(new MenuError(file, pointer + "/expect", null, "exitCode, output and outputLacks need a step that runs something (cmd or sim)"));
            }
            steps.Add(new ScenarioStep(i, cmd, nodes, sim, expect) { From = from });
        }
        if (lines.Count > 0)
        {
            return (null, [.. lines.Select(l => l with { Line = JsonSchemaCheck.LineOf(json, l.Pointer) })]);
        }
        return (new Scenario(file, root.GetProperty("name").GetString()!, Str(root, "description") ?? "", Strings(root, "covers"), world, steps), []);
    }

    /// <summary>A `world` block (shared with lessons): `sim init`'s options and the configuring commands; an error in <paramref name="lines"/> when the demo cannot be built.</summary>
    internal static ScenarioWorld World(JsonElement w, string file, List<MenuError> lines)
    {
        var world = new ScenarioWorld(Int(w, "nodes", 2), Int(w, "disks", 4), Int(w, "seed", 1),
            w.TryGetProperty("demo", out var demo) && demo.GetBoolean(), Strings(w, "commands"), Str(w, "hacmp"));
        if (world.Demo && (world.Nodes < 2 || world.Disks < 2))
        {
            lines.Add(new MenuError(file, "/world", null, "the demo needs at least 2 nodes and 2 disks"));
        }
        return world;
    }

    /// <summary>An `expect` block (a lesson task's `check` has the same state checks).</summary>
    internal static ScenarioExpect Expect(JsonElement e) => new(
        e.TryGetProperty("exitCode", out var code) ? code.GetInt32() : null,
        Strings(e, "output"),
        Strings(e, "outputLacks"),
        Strings(e, "groups"),
        e.TryGetProperty("managers", out var m) ? [.. m.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!))] : [],
        PerNode(e, "events"),
        PerNode(e, "noEvents"));

    private static List<KeyValuePair<string, IReadOnlyList<string>>> PerNode(JsonElement e, string name) =>
        e.TryGetProperty(name, out var o) ? [.. o.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, (IReadOnlyList<string>)[.. p.Value.EnumerateArray().Select(v => v.GetString()!)]))] : [];

    internal static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(v => v.GetString()!)] : [];

    internal static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static int Int(JsonElement e, string name, int fallback) => e.TryGetProperty(name, out var v) ? v.GetInt32() : fallback;

    private static string ReadEmbeddedSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("scenario.schema.json")
            ?? throw new InvalidOperationException("scenario.schema.json is not embedded in cladmin");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
