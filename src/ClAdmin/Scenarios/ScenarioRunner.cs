using System.Globalization;
using System.Text.RegularExpressions;
using ClAdmin.Contracts;
using ClAdmin.Exec.Nodes;
using ClAdmin.Sim.Manager;

namespace ClAdmin.Scenarios;

/// <summary>One expectation checked: the step (0 for the world), what was checked, what was expected and what was found.</summary>
public sealed record ExpectationResult(int Step, string Action, string Check, string Expected, string Actual, bool Passed);

/// <summary>A scenario run: each of its expectations, in order.</summary>
public sealed record ScenarioOutcome(Scenario Scenario, IReadOnlyList<ExpectationResult> Results)
{
    public bool Passed => Results.All(r => r.Passed);
}

/// <summary>
/// Runs a scenario on a fresh temporary database: the world as `cladmin sim init` builds it, its
/// configuration commands through the dispatcher, then each step as cladmin runs it (a command line
/// through the dispatcher as `cladmin cmd` sends it, a `cladmin sim` verb through the verb itself),
/// each followed by its checks, read as a trainee reads them: clRGinfo -s, lssrc -ls clstrmgrES and
/// the EVENT lines of /tmp/hacmp.out. Every step runs on a runtime of its own, as each cladmin
/// command does, so each sees what the one before it saved.
/// </summary>
public static partial class ScenarioRunner
{
    /// <summary>Runs <paramref name="scenario"/>; the temporary directory is removed afterwards.</summary>
    public static async Task<ScenarioOutcome> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var dir = Directory.CreateTempSubdirectory("cladmin-scenario-");
        try
        {
            return await RunIn(scenario, dir.FullName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary directory left behind is not a failed scenario.
            }
        }
    }

    private static async Task<ScenarioOutcome> RunIn(Scenario scenario, string dir, CancellationToken ct)
    {
        var db = Path.Combine(dir, "cladmin.db");
        var results = new List<ExpectationResult>();
        var cli = new[] { "--db", db, "--log", Path.Combine(dir, "cladmin.log"), "--script", Path.Combine(dir, "cladmin.script") };

        // The world, through `cladmin sim init` itself; then its configuration commands.
        var w = scenario.World;
        string[] init = [.. cli, "sim", "init", "--nodes", Num(w.Nodes), "--disks", Num(w.Disks), "--seed", Num(w.Seed), .. (w.Demo ? new[] { "--demo" } : [])];
        var built = await Verb(init).ConfigureAwait(false);
        if (built.ExitCode != 0)
        {
            results.Add(new(0, "world", "sim init", "exit code 0", $"exit code {built.ExitCode}: {FirstLine(built.Stderr)}", false));
            return new ScenarioOutcome(scenario, results);
        }
        var options = new RuntimeOptions { DatabasePath = db, CreateDemo = false };
        foreach (var line in w.Commands)
        {
            var r = await Command(options, line, null, ct).ConfigureAwait(false);
            if (r.ExitCode != 0)
            {
                results.Add(new(0, "world", line, "exit code 0", $"exit code {r.ExitCode}: {FirstLine(r.Stderr + r.Stdout)}", false));
                return new ScenarioOutcome(scenario, results);
            }
        }

        foreach (var step in scenario.Steps)
        {
            var forecast = await Forecast(options, step, ct).ConfigureAwait(false);
            CommandResult? ran = null;
            if (step.Cmd is { } line)
            {
                ran = await Command(step.From is { } from ? options with { Node = from } : options, line, step.Nodes, ct).ConfigureAwait(false);
            }
            else if (step.Sim is { } sim)
            {
                ran = await Verb([.. cli, "sim", .. sim.Split(' ')]).ConfigureAwait(false);
            }
            if (forecast is not null && ran is { ExitCode: 0 })
            {
                results.Add(await CheckForecast(options, step, forecast, ran, ct).ConfigureAwait(false));
            }
            var expect = step.Expect;
            if (ran is not null)
            {
                var code = expect?.ExitCode ?? 0;
                results.Add(new(step.Number, step.Action, "exit code", Num(code),
                    ran.ExitCode == code ? Num(ran.ExitCode) : $"{ran.ExitCode}{(ran.ExitCode != 0 ? ": " + FirstLine(ran.Stderr + ran.Stdout) : "")}", ran.ExitCode == code));
                var output = ran.Stdout + ran.Stderr;
                foreach (var text in expect?.Output ?? [])
                {
                    var found = output.Contains(text, StringComparison.Ordinal);
                    results.Add(new(step.Number, step.Action, "output", $"contains '{text}'", found ? $"contains '{text}'" : output.Length == 0 ? "empty output" : $"not in the output: {Excerpt(output)}", found));
                }
                foreach (var text in expect?.OutputLacks ?? [])
                {
                    var found = output.Contains(text, StringComparison.Ordinal);
                    results.Add(new(step.Number, step.Action, "output", $"lacks '{text}'", found ? $"contains it: {Around(output, text)}" : $"lacks '{text}'", !found));
                }
            }
            if (expect is null || (expect.Groups.Count == 0 && expect.Managers.Count == 0 && expect.Events.Count == 0 && expect.NoEvents.Count == 0))
            {
                continue;
            }
            await using var runtime = await Runtime.CreateAsync(options, TextWriter.Null, ct).ConfigureAwait(false);
            await CheckState(runtime, step, expect, results, ct).ConfigureAwait(false);
        }
        return new ScenarioOutcome(scenario, results);
    }

    internal static async Task CheckState(Runtime runtime, ScenarioStep step, ScenarioExpect expect, List<ExpectationResult> results, CancellationToken ct)
    {
        if (expect.Groups.Count > 0)
        {
            var info = await runtime.Dispatcher.RunAsync(new CommandRequest("clRGinfo -s"), ct).ConfigureAwait(false);
            var rows = info.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(':', l.Split(':').Take(3))).ToList();
            foreach (var row in expect.Groups)
            {
                var (group, node) = (row.Split(':')[0], row.Split(':')[^1]);
                var actual = info.ExitCode != 0
                    ? $"clRGinfo -s exit code {info.ExitCode}: {FirstLine(info.Stderr)}"
                    : rows.FirstOrDefault(r => r.StartsWith(group + ":", StringComparison.Ordinal) && r.EndsWith(":" + node, StringComparison.Ordinal))
                        ?? $"no row for {group} on {node} (rows: {string.Join(", ", rows)})";
                results.Add(new(step.Number, step.Action, "group", row, actual, actual == row));
            }
        }
        foreach (var (node, state) in expect.Managers)
        {
            var r = await runtime.Dispatcher.RunAsync(new CommandRequest("lssrc -ls clstrmgrES", Nodes: [node]), ct).ConfigureAwait(false);
            var actual = r.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("Current state: ", StringComparison.Ordinal)) is { } current
                ? current["Current state: ".Length..].Trim()
                : $"no state: exit code {r.ExitCode}: {FirstLine(r.Stderr)}";
            results.Add(new(step.Number, step.Action, $"manager {node}", state, actual, actual == state));
        }
        var logs = new Dictionary<string, (List<string>? Markers, string Why)>(StringComparer.Ordinal);
        foreach (var node in expect.Events.Concat(expect.NoEvents).Select(e => e.Key).Distinct(StringComparer.Ordinal))
        {
            var r = await runtime.Dispatcher.RunAsync(new CommandRequest("cat /tmp/hacmp.out", Nodes: [node]), ct).ConfigureAwait(false);
            // A node where no event ran yet has no hacmp.out: AIX's cat says 0652-050 Cannot open.
            logs[node] = r.ExitCode == 0 || r.Stderr.Contains("No such file", StringComparison.Ordinal) || r.Stderr.Contains("0652-050", StringComparison.Ordinal)
                ? ([.. r.Stdout.Split('\n').Select(l => MarkerLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)], "")
                : (null, $"/tmp/hacmp.out cannot be read: exit code {r.ExitCode}: {FirstLine(r.Stderr)}");
        }
        foreach (var (node, wanted) in expect.Events)
        {
            var (markers, why) = logs[node];
            if (markers is null)
            {
                results.Add(new(step.Number, step.Action, $"events {node}", string.Join(" | ", wanted), why, false));
                continue;
            }
            // In order: each expected line after the one matched before it.
            var at = 0;
            string? missing = null;
            foreach (var e in wanted)
            {
                var found = markers.FindIndex(at, m => Matches(m, e));
                if (found < 0)
                {
                    missing = e;
                    break;
                }
                at = found + 1;
            }
            results.Add(missing is null
                ? new(step.Number, step.Action, $"events {node}", $"{wanted.Count} in order", $"{wanted.Count} in order", true)
                : new(step.Number, step.Action, $"events {node}", missing + (at > 0 ? $" (after '{markers[at - 1]}')" : ""),
                    $"not found in hacmp.out{(at > 0 ? " after that line" : "")}; there: {Tail(markers, at)}", false));
        }
        foreach (var (node, unwanted) in expect.NoEvents)
        {
            var (markers, why) = logs[node];
            foreach (var e in unwanted)
            {
                var found = markers?.FirstOrDefault(m => Matches(m, e));
                results.Add(new(step.Number, step.Action, $"no event {node}", $"no '{e}'", markers is null ? why : found is null ? $"no '{e}'" : $"present: '{found}'", markers is not null && found is null));
            }
        }
    }

    /// <summary>
    /// Before a `sim fail KIND TARGET` step in auto mode, the forecast of the same fault (`sim whatif
    /// fail KIND TARGET`, issue 16 §3), so that every scenario of the corpus also checks that what-if
    /// tells what then really happens; null for any other step, in step mode, or when there is no forecast.
    /// </summary>
    private static async Task<CommandResult?> Forecast(RuntimeOptions options, ScenarioStep step, CancellationToken ct)
    {
        if (step.Sim?.Split(' ') is not ["fail", var kind, var target])
        {
            return null;
        }
        await using var runtime = await Runtime.CreateAsync(options, TextWriter.Null, ct).ConfigureAwait(false);
        if (runtime.Simulation is not { } sim || sim.World.Cluster.Mode == "step")
        {
            return null;
        }
        var forecast = await SimWhatIf.RunAsync(runtime, kind, target, ct).ConfigureAwait(false);
        return forecast.ExitCode == 0 ? forecast : null;
    }

    /// <summary>The forecast against what the fault did: the same EVENT lines, then the same clRGinfo table.</summary>
    private static async Task<ExpectationResult> CheckForecast(RuntimeOptions options, ScenarioStep step, CommandResult forecast, CommandResult ran, CancellationToken ct)
    {
        static List<string> Events(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(" EVENT ", StringComparison.Ordinal) || l.StartsWith("Settled in ", StringComparison.Ordinal))];
        var parts = forecast.Stdout.Split("\n" + ManagerTexts.WhatIfPlacement + "\n");
        var expected = Events(parts[0]);
        var actual = Events(ran.Stdout);
        await using var runtime = await Runtime.CreateAsync(options, TextWriter.Null, ct).ConfigureAwait(false);
        var table = (await runtime.Dispatcher.RunAsync(new CommandRequest("clRGinfo"), ct).ConfigureAwait(false)).Stdout;
        var want = $"{expected.Count} event lines and clRGinfo as forecast";
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            var at = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Count, actual.Count));
            return new(step.Number, step.Action, "what-if", $"{want}; line {at + 1}: {(at < expected.Count ? expected[at].Trim() : "(none)")}",
                $"line {at + 1}: {(at < actual.Count ? actual[at].Trim() : "(none)")}", false);
        }
        var same = parts.Length == 2 && parts[1] == table;
        return new(step.Number, step.Action, "what-if", want, same ? want : $"clRGinfo differs: forecast {Excerpt(parts.Length == 2 ? parts[1] : "(none)")}; found {Excerpt(table)}", same);
    }

    /// <summary>An hacmp.out marker against an expected line; a final " *" stands for any further arguments.</summary>
    internal static bool Matches(string marker, string expected) =>
        expected.EndsWith(" *", StringComparison.Ordinal)
            ? marker == expected[..^2] || marker.StartsWith(expected[..^1], StringComparison.Ordinal)
            : marker == expected;

    /// <summary>A command line through the dispatcher, as `cladmin cmd [-n NODES] -- LINE` sends it.</summary>
    internal static async Task<CommandResult> Command(RuntimeOptions options, string line, string? nodes, CancellationToken ct)
    {
        await using var runtime = await Runtime.CreateAsync(options, TextWriter.Null, ct).ConfigureAwait(false);
        IReadOnlyList<string>? targets = null;
        if (nodes is not null)
        {
            try
            {
                targets = [.. NodeSet.Parse(nodes, runtime.Nodes)];
            }
            catch (FormatException e)
            {
                return CommandResult.Local(ExitCodes.Usage, "", $"cladmin: cmd: {e.Message}\n");
            }
        }
        return await runtime.Dispatcher.RunAsync(new CommandRequest(line, "", targets), ct).ConfigureAwait(false);
    }

    /// <summary>A cladmin verb (sim init, sim fail ...) run by cladmin's own command line, in this process.</summary>
    internal static async Task<CommandResult> Verb(string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        // On a thread of its own: the verb waits for its own work.
        var code = await Task.Run(() => Cli.Run(args, output, error)).ConfigureAwait(false);
        return CommandResult.Local(code, output.ToString(), error.ToString());
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "(no output)";

    private static string Excerpt(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shown = string.Join(" | ", lines.Take(6));
        return lines.Length > 6 ? shown + $" | ... ({lines.Length} lines)" : shown;
    }

    private static string Around(string text, string found) =>
        text.Split('\n').FirstOrDefault(l => l.Contains(found, StringComparison.Ordinal))?.Trim() ?? found;

    private static string Tail(List<string> markers, int from)
    {
        var rest = markers.Skip(from).ToList();
        if (rest.Count == 0)
        {
            return markers.Count == 0 ? "no EVENT lines" : "no EVENT lines after it";
        }
        return string.Join(" | ", rest.Take(8)) + (rest.Count > 8 ? $" | ... ({rest.Count} lines)" : "");
    }

    [GeneratedRegex(@"^[A-Z][a-z]{2} [ 0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] (EVENT [A-Z]+: .*)$")]
    private static partial Regex MarkerLine();
}
