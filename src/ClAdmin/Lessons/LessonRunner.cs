using System.Globalization;
using System.Text.Json;
using ClAdmin.Cluster.Odm;
using ClAdmin.Scenarios;
using ClAdmin.Store;

namespace ClAdmin.Lessons;

/// <summary>The result of one task's check: done, or what is missing in plain words (expected, found).</summary>
public sealed record TaskResult(LessonTask Task, IReadOnlyList<ExpectationResult> Missing)
{
    public bool Done => Missing.Count == 0;
}

/// <summary>
/// Starts a lesson in a database (its world as `cladmin sim init --force` builds it, the world's
/// commands, the mode, the setup steps; then the lesson is remembered there) and checks its tasks
/// against the state that database is in, reading it as a trainee reads it (clRGinfo -s, lssrc -ls
/// clstrmgrES, hacmp.out, the lesson's read-only commands), through the scenario runner's own checks.
/// </summary>
public static class LessonRunner
{
    /// <summary>The world document that remembers the lesson started: {"name", "file", "lesson"}.</summary>
    public const string Document = "lesson";

    /// <summary>Builds <paramref name="lesson"/>'s world in <paramref name="options"/>' database; null when it is ready, else what failed.</summary>
    public static async Task<string?> StartAsync(Lesson lesson, string lessonJson, RuntimeOptions options, string[] cli, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        ArgumentNullException.ThrowIfNull(options);
        var w = lesson.World;
        string[] init = [.. cli, "sim", "init", "--force", "--nodes", Num(w.Nodes), "--disks", Num(w.Disks), "--seed", Num(w.Seed), .. (w.Demo ? new[] { "--demo" } : []), .. (w.Hacmp is { } release ? new[] { "--hacmp", release } : [])];
        var built = await ScenarioRunner.Verb(init).ConfigureAwait(false);
        if (built.ExitCode != 0)
        {
            return $"the world (sim init): exit code {built.ExitCode}: {FirstLine(built.Stderr + built.Stdout)}";
        }
        foreach (var line in w.Commands)
        {
            var r = await ScenarioRunner.Command(options, line, null, ct).ConfigureAwait(false);
            if (r.ExitCode != 0)
            {
                return $"the world's command '{line}': exit code {r.ExitCode}: {FirstLine(r.Stderr + r.Stdout)}";
            }
        }
        var mode = await ScenarioRunner.Verb([.. cli, "sim", "mode", lesson.Mode]).ConfigureAwait(false);
        if (mode.ExitCode != 0)
        {
            return $"sim mode {lesson.Mode}: exit code {mode.ExitCode}: {FirstLine(mode.Stderr + mode.Stdout)}";
        }
        foreach (var step in lesson.Setup)
        {
            var r = step.Cmd is { } line
                ? await ScenarioRunner.Command(options, line, step.Nodes, ct).ConfigureAwait(false)
                : await ScenarioRunner.Verb([.. cli, "sim", .. step.Sim!.Split(' ')]).ConfigureAwait(false);
            if (r.ExitCode != 0)
            {
                return $"setup step {step.Number} ({step.Action}): exit code {r.ExitCode}: {FirstLine(r.Stderr + r.Stdout)}";
            }
        }
        using var repo = Runtime.RepositoryAt(options.DatabasePath!)();
        repo.SaveWorld(Document, Remember(lesson, lessonJson), repo.LoadWorld(Document)?.Version ?? 0);
        return null;
    }

    /// <summary>The lesson remembered in the database at <paramref name="path"/>: its name, file and text; null when none was started.</summary>
    public static (string Name, string File, string Json)? Remembered(ObjectRepository repo)
    {
        ArgumentNullException.ThrowIfNull(repo);
        if (repo.LoadWorld(Document) is not { } doc)
        {
            return null;
        }
        using var json = JsonDocument.Parse(doc.Json);
        var root = json.RootElement;
        return (root.GetProperty("name").GetString()!, root.GetProperty("file").GetString()!, root.GetProperty("lesson").GetString()!);
    }

    /// <summary>Each task of <paramref name="lesson"/>, checked against the state of <paramref name="options"/>' database.</summary>
    public static async Task<IReadOnlyList<TaskResult>> CheckAsync(Lesson lesson, RuntimeOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var results = new List<TaskResult>();
        foreach (var task in lesson.Tasks)
        {
            var found = new List<ExpectationResult>();
            var check = task.Check;
            var step = new ScenarioStep(task.Number, null, null, null, check.State);
            if (check.State.Groups.Count > 0 || check.State.Managers.Count > 0 || check.State.Events.Count > 0 || check.State.NoEvents.Count > 0)
            {
                await using var runtime = await Runtime.CreateAsync(options, TextWriter.Null, ct).ConfigureAwait(false);
                await ScenarioRunner.CheckState(runtime, step, check.State, found, ct).ConfigureAwait(false);
            }
            foreach (var probe in check.Commands)
            {
                found.AddRange(await Probe(options, task.Number, probe, ct).ConfigureAwait(false));
            }
            if (check.Synchronized is { } wanted)
            {
                found.Add(Synchronized(options.DatabasePath!, task.Number, wanted));
            }
            results.Add(new TaskResult(task, [.. found.Where(r => !r.Passed)]));
        }
        return results;
    }

    private static async Task<List<ExpectationResult>> Probe(RuntimeOptions options, int number, LessonProbe probe, CancellationToken ct)
    {
        var action = probe.Cmd + (probe.Nodes is null ? "" : $" (on {probe.Nodes})");
        var ran = await ScenarioRunner.Command(options, probe.Cmd, probe.Nodes, ct).ConfigureAwait(false);
        var output = ran.Stdout + ran.Stderr;
        var results = new List<ExpectationResult>();
        if (probe.ExitCode is { } code)
        {
            results.Add(new(number, action, "exit code", Num(code), $"{ran.ExitCode}{(ran.ExitCode != code && ran.ExitCode != 0 ? ": " + FirstLine(output) : "")}", ran.ExitCode == code));
        }
        foreach (var text in probe.Output)
        {
            var has = output.Contains(text, StringComparison.Ordinal);
            results.Add(new(number, action, "output", $"'{text}' in the output", has ? "there" : output.Length == 0 ? "no output" : $"not there: {Excerpt(output)}", has));
        }
        foreach (var text in probe.OutputLacks)
        {
            var has = output.Contains(text, StringComparison.Ordinal);
            results.Add(new(number, action, "output", $"no '{text}' in the output", has ? $"there: {output.Split('\n').First(l => l.Contains(text, StringComparison.Ordinal)).Trim()}" : "not there", !has));
        }
        return results;
    }

    /// <summary>DCD against ACD, class by class, as odmget prints them.</summary>
    private static ExpectationResult Synchronized(string database, int number, bool wanted)
    {
        using var repo = Runtime.RepositoryAt(database)();
        var dcd = Stanzas(repo.GetObjects(ConfigDirectory.Default));
        var acd = Stanzas(repo.GetObjects(ConfigDirectory.Active));
        var differ = dcd.Keys.Union(acd.Keys).Where(c => dcd.GetValueOrDefault(c, "") != acd.GetValueOrDefault(c, "")).Order(StringComparer.Ordinal).ToList();
        var actual = differ.Count == 0
            ? "the default configuration (DCD) equals the active one (ACD)"
            : $"the default configuration (DCD) differs from the active one (ACD) in {string.Join(", ", differ)}";
        return new(number, "state", "synchronized",
            wanted ? "the default configuration (DCD) equals the active one (ACD)" : "a change not synchronized yet (DCD differs from ACD)",
            actual, (differ.Count == 0) == wanted);
    }

    private static Dictionary<string, string> Stanzas(IReadOnlyList<OdmObject> objects) =>
        objects.GroupBy(o => o.Class, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => string.Join("\n", g.Select(o => string.Join("|", o.Attributes.Select(a => a.Name + "=" + a.Value))).Order(StringComparer.Ordinal)), StringComparer.Ordinal);

    private static string Remember(Lesson lesson, string json)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("name", lesson.Name);
            writer.WriteString("file", lesson.File);
            writer.WriteString("lesson", json);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "(no output)";

    private static string Excerpt(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
        var shown = string.Join(" | ", lines.Take(4));
        return lines.Length > 4 ? shown + $" | ... ({lines.Length} lines)" : shown;
    }
}
