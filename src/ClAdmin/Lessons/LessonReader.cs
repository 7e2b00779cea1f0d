using System.Reflection;
using System.Text;
using System.Text.Json;
using ClAdmin.Exec.Files;
using ClAdmin.Menus;
using ClAdmin.Scenarios;

namespace ClAdmin.Lessons;

/// <summary>
/// Reads lesson files: the ones shipped (lessons/*.json, embedded in cladmin) or a file named by
/// its path. Each is checked against lesson.schema.json, then for what the schema cannot say, every
/// error naming the file, the line and the JSON pointer, as the scenario reader does.
/// </summary>
public static class LessonReader
{
    private const string Prefix = "Lessons/";

    /// <summary>The text of lesson.schema.json as embedded in cladmin.</summary>
    public static string SchemaText { get; } = Embedded("lesson.schema.json")
        ?? throw new InvalidOperationException("lesson.schema.json is not embedded in cladmin");

    private static readonly Lazy<JsonSchemaCheck> Schema = new(() => new JsonSchemaCheck(SchemaText, "lesson.schema.json"));

    /// <summary>The names of the shipped lessons, in order.</summary>
    public static IReadOnlyList<string> ShippedNames() =>
        [.. typeof(LessonReader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The shipped lesson <paramref name="name"/> (null when there is none), or its errors.</summary>
    public static (Lesson? Lesson, IReadOnlyList<MenuError> Errors)? ReadShipped(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Embedded(Prefix + name + ".json") is { } json ? Read($"lessons/{name}.json", json) : null;
    }

    /// <summary>The text of the shipped lesson <paramref name="name"/>, or null.</summary>
    public static string? ShippedText(string name) => Embedded(Prefix + name + ".json");

    /// <summary>The lesson in the file <paramref name="path"/>, or the errors that make it invalid.</summary>
    public static (Lesson? Lesson, IReadOnlyList<MenuError> Errors) ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (bytes, error) = RegularFile.Read(path, ScenarioReader.MaxFileBytes, "a lesson file");
        return bytes is null ? (null, [new MenuError(path, "", null, error!)]) : Read(path, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The lesson in <paramref name="json"/> (the file <paramref name="file"/>), or its errors.</summary>
    public static (Lesson? Lesson, IReadOnlyList<MenuError> Errors) Read(string file, string json)
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
        var name = root.GetProperty("name").GetString()!;
        if (file.EndsWith(".json", StringComparison.Ordinal) && Path.GetFileNameWithoutExtension(file) != name)
        {
            lines.Add(new MenuError(file, "/name", null, $"the lesson '{name}' must be in a file named {name}.json"));
        }
        var world = root.TryGetProperty("world", out var w) ? ScenarioReader.World(w, file, lines) : new ScenarioWorld(2, 4, 1, false, []);
        var setup = new List<ScenarioStep>();
        var i = 0;
        foreach (var s in root.TryGetProperty("setup", out var steps) ? [.. steps.EnumerateArray()] : new List<JsonElement>())
        {
            var pointer = $"/setup/{i++}";
            var (cmd, sim, nodes) = (Str(s, "cmd"), Str(s, "sim"), Str(s, "nodes"));
            if ((cmd is null) == (sim is null))
            {
                lines.Add(new MenuError(file, pointer, null, "a setup step has cmd or sim, one of them"));
            }
            if (nodes is not null && cmd is null)
            {
                lines.Add(new MenuError(file, pointer + "/nodes", null, "nodes goes with cmd"));
            }
            setup.Add(new ScenarioStep(i, cmd, nodes, sim, null));
        }
        var tasks = new List<LessonTask>();
        var t = 0;
        foreach (var task in root.GetProperty("tasks").EnumerateArray())
        {
            var c = task.GetProperty("check");
            // The state checks of a scenario's expect (a check has no exitCode or output: those go with commands).
            var state = ScenarioReader.Expect(c);
            var probes = c.TryGetProperty("commands", out var cs)
                ? cs.EnumerateArray().Select(p => new LessonProbe(p.GetProperty("cmd").GetString()!, Str(p, "nodes"),
                    p.TryGetProperty("exitCode", out var code) ? code.GetInt32() : null, Strings(p, "output"), Strings(p, "outputLacks"))).ToList()
                : [];
            if (probes.Any(p => p.ExitCode is null && p.Output.Count == 0 && p.OutputLacks.Count == 0))
            {
                lines.Add(new MenuError(file, $"/tasks/{t}/check/commands", null, "a command checks something: exitCode, output or outputLacks"));
            }
            bool? synchronized = c.TryGetProperty("synchronized", out var sy) ? sy.GetBoolean() : null;
            tasks.Add(new LessonTask(++t, task.GetProperty("do").GetString()!, Str(task, "command"), new LessonCheck(state, probes, synchronized)));
        }
        if (lines.Count > 0)
        {
            return (null, [.. lines.Select(l => l with { Line = JsonSchemaCheck.LineOf(json, l.Pointer) })]);
        }
        return (new Lesson(file, name, root.GetProperty("title").GetString()!, root.GetProperty("summary").GetString()!,
            Strings(root, "text"), world, Str(root, "mode") ?? "auto", setup, tasks), []);
    }

    private static List<string> Strings(JsonElement e, string name) => ScenarioReader.Strings(e, name);

    private static string? Str(JsonElement e, string name) => ScenarioReader.Str(e, name);

    private static string? Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
