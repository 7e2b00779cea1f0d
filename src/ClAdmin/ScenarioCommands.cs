using System.CommandLine;
using System.Text.Json;
using ClAdmin.Contracts;
using ClAdmin.Scenarios;
using ClAdmin.Store;
using ClAdmin.Tui.Logging;

namespace ClAdmin;

/// <summary>
/// `cladmin sim scenario run FILE... [--json]` and `cladmin sim scenario record [SCRIPT]`: scenario
/// files (scenario.schema.json), each run on a fresh temporary database, and a skeleton of one made
/// from a cladmin.script and the state the database is in.
/// </summary>
public static class ScenarioCommands
{
    public static Command Create(ExecCommands exec, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        var files = new Argument<string[]>("file") { Description = "Scenario files (JSON, scenario.schema.json)", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON object: passed, scenarios[] with file, name, passed, results[] (step, action, check, expected, actual, passed)" };
        var run = new Command("run", "Run scenario files, each on a fresh temporary database: a PASS or FAIL line per expectation with expected and actual. Exit 0 when all pass, 1 when one fails, 2 for an invalid file") { files, json };
        run.SetAction(async (parse, ct) =>
        {
            var scenarios = new List<Scenario>();
            var invalid = 0;
            foreach (var path in parse.GetValue(files)!)
            {
                var (scenario, errors) = ScenarioReader.ReadFile(path);
                foreach (var e in errors)
                {
                    error.WriteLine(e.ToString());
                }
                invalid += errors.Count;
                if (scenario is not null)
                {
                    scenarios.Add(scenario);
                }
            }
            if (invalid > 0)
            {
                error.WriteLine($"cladmin: sim scenario run: {invalid} error(s) in the scenario files; nothing was run");
                return ExitCodes.Usage;
            }
            var outcomes = new List<ScenarioOutcome>();
            foreach (var scenario in scenarios)
            {
                outcomes.Add(await ScenarioRunner.RunAsync(scenario, ct));
            }
            if (parse.GetValue(json))
            {
                ScenarioReport.WriteJson(output, outcomes);
            }
            else
            {
                ScenarioReport.WriteText(output, outcomes);
            }
            return outcomes.All(o => o.Passed) ? ExitCodes.Ok : ExitCodes.Failed;
        });

        var script = new Argument<string?>("script") { Description = "The cladmin.script to turn into steps (default: the one cladmin keeps, <state dir>/cladmin/cladmin.script)", Arity = ArgumentArity.ZeroOrOne };
        var name = new Option<string>("--name") { Description = "The scenario's name", DefaultValueFactory = _ => "recorded" };
        var record = new Command("record", "Print a scenario skeleton: the world of the database, the commands of a cladmin.script as steps, and the state the database is in now as the last step's expectations") { script, name };
        record.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(script) ?? Path.Combine(FileSessionLog.DefaultDirectory(), "cladmin.script");
            if (!File.Exists(path))
            {
                error.WriteLine($"cladmin: sim scenario record: {path}: no such file");
                return ExitCodes.Usage;
            }
            if (!System.Text.RegularExpressions.Regex.IsMatch(parse.GetValue(name)!, "^[A-Za-z0-9][A-Za-z0-9_.-]*$"))
            {
                error.WriteLine($"cladmin: sim scenario record: --name '{parse.GetValue(name)}': letters, digits, '_', '.' and '-' only");
                return ExitCodes.Usage;
            }
            var commands = ScriptFile.Parse(await File.ReadAllTextAsync(path, ct));
            try
            {
                await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { Transport = "sim", CreateDemo = false }, error, ct);
                if (runtime.Simulation!.TryWorld() is not { } world)
                {
                    error.WriteLine("cladmin: sim scenario record: no simulated world in the database to record the state of");
                    return ExitCodes.Usage;
                }
                var demo = !commands.Any(c => c.CommandLine.Contains("clmgr add cluster", StringComparison.Ordinal))
                    && (await runtime.Dispatcher.RunAsync(new CommandRequest("clmgr query cluster"), ct)).Stdout.Contains(DemoCluster.ClusterName, StringComparison.Ordinal);
                var info = await runtime.Dispatcher.RunAsync(new CommandRequest("clRGinfo -s"), ct);
                var groups = info.ExitCode == 0 ? info.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(':', l.Split(':').Take(3))).ToList() : [];
                var managers = new List<(string Node, string State)>();
                foreach (var node in world.Nodes)
                {
                    var r = await runtime.Dispatcher.RunAsync(new CommandRequest("lssrc -ls clstrmgrES", Nodes: [node.Name]), ct);
                    if (r.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("Current state: ", StringComparison.Ordinal)) is { } line)
                    {
                        managers.Add((node.Name, line["Current state: ".Length..].Trim()));
                    }
                }
                WriteSkeleton(output, parse.GetValue(name)!, path, world.Nodes.Count, world.Disks.Count, world.Seed, demo, commands, groups, managers);
                return ExitCodes.Ok;
            }
            catch (StoreException e)
            {
                error.WriteLine($"cladmin: {e.Message}");
                return ExitCodes.Of(e);
            }
        });
        return new Command("scenario", "Scenario files: run them (each on a fresh temporary database) or record a skeleton from a cladmin.script") { run, record };
    }

    private static void WriteSkeleton(TextWriter output, string name, string script, int nodes, int disks, int seed, bool demo,
        IReadOnlyList<ScriptCommand> commands, IReadOnlyList<string> groups, IReadOnlyList<(string Node, string State)> managers)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("description", $"Recorded from {script}: its commands as steps, and the state of the database after them as the last step's expectations. Add expectations after the steps that matter.");
            json.WriteStartObject("world");
            json.WriteNumber("nodes", nodes);
            json.WriteNumber("disks", disks);
            json.WriteNumber("seed", seed);
            json.WriteBoolean("demo", demo);
            json.WriteEndObject();
            json.WriteStartArray("steps");
            foreach (var command in commands)
            {
                json.WriteStartObject();
                json.WriteString("cmd", command.CommandLine);
                json.WriteEndObject();
            }
            json.WriteStartObject();
            json.WriteString("note", "the state when the scenario was recorded");
            json.WriteStartObject("expect");
            if (groups.Count > 0)
            {
                json.WriteStartArray("groups");
                foreach (var g in groups)
                {
                    json.WriteStringValue(g);
                }
                json.WriteEndArray();
            }
            json.WriteStartObject("managers");
            foreach (var (node, state) in managers)
            {
                json.WriteString(node, state);
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
