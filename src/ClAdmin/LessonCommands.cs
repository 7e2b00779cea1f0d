using System.CommandLine;
using System.Text;
using ClAdmin.Lessons;
using ClAdmin.Menus;
using ClAdmin.Scenarios;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// `cladmin lesson list|start|check`: guided lessons (lessons/*.json, lesson.schema.json). start
/// builds a lesson's world in the current database (replacing what was there, as `sim init --force`),
/// sets its mode, runs its setup and remembers it; check says for each task whether it is done.
/// </summary>
public static class LessonCommands
{
    private const int Width = 78;

    public static Command Create(ExecCommands exec, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        var list = new Command("list", "One line per lesson: its name and title");
        list.SetAction(_ =>
        {
            var bad = 0;
            foreach (var name in LessonReader.ShippedNames())
            {
                var (lesson, errors) = LessonReader.ReadShipped(name)!.Value;
                foreach (var e in errors)
                {
                    error.WriteLine(e.ToString());
                }
                bad += errors.Count;
                if (lesson is not null)
                {
                    output.WriteLine($"{lesson.Name,-24} {lesson.Title}");
                }
            }
            return bad == 0 ? ExitCodes.Ok : ExitCodes.Internal;
        });

        var which = new Argument<string>("name") { Description = "A lesson's name (cladmin lesson list), or the path of a lesson file (NAME.json)" };
        var start = new Command("start", "Start a lesson in the database: build its world (replacing the simulated world and the cluster configuration), set its mode, run its setup, then print its text and tasks") { which };
        start.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(which)!;
            var isFile = name.Contains('/', StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal);
            string json;
            (Lesson? Lesson, IReadOnlyList<MenuError> Errors) read;
            if (isFile)
            {
                read = LessonReader.ReadFile(name);
                json = read.Lesson is null ? "" : await File.ReadAllTextAsync(name, ct);
            }
            else if (LessonReader.ReadShipped(name) is { } shipped)
            {
                read = shipped;
                json = LessonReader.ShippedText(name)!;
            }
            else
            {
                error.WriteLine($"cladmin: lesson start: no lesson named '{name}'; 'cladmin lesson list' shows them");
                return ExitCodes.Usage;
            }
            foreach (var e in read.Errors)
            {
                error.WriteLine(e.ToString());
            }
            if (read.Lesson is not { } lesson)
            {
                error.WriteLine($"cladmin: lesson start: {read.Errors.Count} error(s) in the lesson file; nothing was changed");
                return ExitCodes.Usage;
            }
            var path = OdmCommands.DatabasePath(parse);
            try
            {
                var replaced = Replaced(path);
                var options = exec.RuntimeOptionsOf(parse) with { Transport = "sim", CreateDemo = false, DatabasePath = path };
                if (await LessonRunner.StartAsync(lesson, json, options, ["--db", path], ct) is { } failure)
                {
                    error.WriteLine($"cladmin: lesson start: {lesson.Name}: {failure}");
                    return ExitCodes.Failed;
                }
                if (replaced is not null)
                {
                    output.WriteLine($"Replaced {replaced} in {path}.");
                }
                WriteLesson(output, lesson);
                return ExitCodes.Ok;
            }
            catch (StoreException e)
            {
                error.WriteLine($"cladmin: {e.Message}");
                return ExitCodes.Of(e);
            }
        });

        var check = new Command("check", "For each task of the lesson started: done, or not yet with what is missing (expected, found). Exit 0 when every task is done, 1 when one is not, 2 when no lesson was started");
        check.SetAction(async (parse, ct) =>
        {
            var path = OdmCommands.DatabasePath(parse);
            try
            {
                (string Name, string File, string Json)? remembered = null;
                if (File.Exists(path))
                {
                    using var repo = Runtime.RepositoryAt(path)();
                    remembered = LessonRunner.Remembered(repo);
                }
                if (remembered is not { } started)
                {
                    error.WriteLine($"cladmin: lesson check: no lesson started in {path}; 'cladmin lesson list' shows the lessons, 'cladmin lesson start NAME' starts one");
                    return ExitCodes.Usage;
                }
                var (lesson, errors) = LessonReader.Read(started.File, started.Json);
                if (lesson is null)
                {
                    foreach (var e in errors)
                    {
                        error.WriteLine(e.ToString());
                    }
                    return ExitCodes.Usage;
                }
                var options = exec.RuntimeOptionsOf(parse) with { Transport = "sim", CreateDemo = false, DatabasePath = path };
                var results = await LessonRunner.CheckAsync(lesson, options, ct);
                output.WriteLine($"Lesson {lesson.Name}: {lesson.Title}");
                foreach (var r in results)
                {
                    output.WriteLine($"Task {r.Task.Number}, {(r.Done ? "done" : "not yet")}: {Headline(r.Task.Do)}");
                    foreach (var m in r.Missing)
                    {
                        output.WriteLine($"    {What(m)}: expected {m.Expected}; found {m.Actual}");
                    }
                }
                var done = results.Count(r => r.Done);
                output.WriteLine(done == results.Count
                    ? $"All {results.Count} task(s) done: lesson {lesson.Name} is complete."
                    : $"{done} of {results.Count} task(s) done.");
                return done == results.Count ? ExitCodes.Ok : ExitCodes.Failed;
            }
            catch (StoreException e)
            {
                error.WriteLine($"cladmin: {e.Message}");
                return ExitCodes.Of(e);
            }
        });
        return new Command("lesson", "Guided lessons on the simulated cluster: list them, start one, check what is done") { list, start, check };
    }

    /// <summary>What a lesson start replaces in the database at <paramref name="path"/>, in words; null when there is nothing.</summary>
    private static string? Replaced(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        using var repo = Runtime.RepositoryAt(path)();
        var parts = new List<string>();
        if (repo.LoadWorld(Sim.Persistence.SqliteWorldStore.DefaultWorld) is not null)
        {
            parts.Add("the simulated world");
        }
        var cluster = repo.GetObjects(ConfigDirectory.Default, "HACMPcluster").FirstOrDefault()?.Get("name");
        if (!string.IsNullOrEmpty(cluster))
        {
            parts.Add($"the cluster configuration (cluster {cluster})");
        }
        if (LessonRunner.Remembered(repo) is { } earlier)
        {
            parts.Add($"the lesson {earlier.Name}");
        }
        return parts.Count == 0 ? null : parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
    }

    private static void WriteLesson(TextWriter output, Lesson lesson)
    {
        output.WriteLine($"Lesson {lesson.Name}: {lesson.Title}{(lesson.Mode == "step" ? " (step mode: cluster events wait for 'cladmin sim step')" : "")}");
        output.WriteLine();
        foreach (var paragraph in lesson.Text)
        {
            Wrap(output, paragraph, "", "");
            output.WriteLine();
        }
        output.WriteLine("Tasks:");
        foreach (var task in lesson.Tasks)
        {
            var number = $"  {task.Number}. ";
            Wrap(output, task.Do, number, new string(' ', number.Length));
            if (task.Command is { } command)
            {
                output.WriteLine($"{new string(' ', number.Length)}$ {command}");
            }
        }
        output.WriteLine();
        output.WriteLine("When you think a task is done: cladmin lesson check");
    }

    private static void Wrap(TextWriter output, string text, string first, string rest)
    {
        var line = new StringBuilder(first);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                output.WriteLine(line.ToString());
                line.Clear().Append(rest);
                empty = true;
            }
            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }
        output.WriteLine(line.ToString());
    }

    /// <summary>A task's first sentence, for the check's lines.</summary>
    private static string Headline(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end < 0 ? text : text[..(end + 1)];
        return sentence.Length > 100 ? sentence[..97] + "..." : sentence;
    }

    /// <summary>A failed check, named in plain words.</summary>
    private static string What(ExpectationResult r) => r.Check switch
    {
        "group" => "resource group (clRGinfo -s)",
        "synchronized" => "configuration",
        _ when r.Check.StartsWith("manager ", StringComparison.Ordinal) => $"cluster manager on {r.Check[8..]} (lssrc -ls clstrmgrES)",
        _ when r.Check.StartsWith("events ", StringComparison.Ordinal) => $"events in /tmp/hacmp.out on {r.Check[7..]}",
        _ when r.Check.StartsWith("no event ", StringComparison.Ordinal) => $"events in /tmp/hacmp.out on {r.Check[9..]}",
        _ => $"{r.Action}, {r.Check}",
    };
}
