using System.CommandLine;
using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Sim;
using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Manager;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Persistence;
using ClAdmin.Sim.Software;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// `cladmin sim ...`: the simulated world used for training — build it, inject faults and repair
/// them, move its clock, and look at it. The world lives in the database next to the cluster
/// configuration, so every cladmin run (and the TUI) sees the same one.
/// </summary>
public static class SimCommands
{
    public static Command Create(ExecCommands exec, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        var sim = new Command("sim", "The simulated cluster: build it (init), break and mend it (fail, repair), grow a LUN (grow), move its clock, show it (status)");
        sim.Subcommands.Add(Init(exec, output, error));
        sim.Subcommands.Add(Fault("fail", "Inject a fault: node (crash), interface NODE:enN (down), network NAME (down), disk hdiskN or NODE:hdiskN (I/O errors), app NODE:APP (process dies), hang NODE (clstrmgrES stops answering: deadman switch), install NODE (the next installp apply is interrupted)", SimFaults.Fail, exec, output, error));
        sim.Subcommands.Add(Fault("repair", "Repair a fault injected with 'sim fail' (same KIND and TARGET)", SimFaults.Repair, exec, output, error));
        sim.Subcommands.Add(SimWhatIf.Create(exec, output, error));
        sim.Subcommands.Add(Grow(exec, output, error));
        sim.Subcommands.Add(Clock(exec, output, error));
        sim.Subcommands.Add(Status(output, error));
        sim.Subcommands.Add(ScenarioCommands.Create(exec, output, error));
        foreach (var command in SimEventCommands.Create(exec, output, error))
        {
            sim.Subcommands.Add(command);
        }
        return sim;
    }

    private static Command Init(ExecCommands exec, TextWriter output, TextWriter error)
    {
        var nodes = new Option<int>("--nodes") { Description = "Number of nodes, named node1..nodeN", DefaultValueFactory = _ => 2 };
        var disks = new Option<int>("--disks") { Description = "Number of shared disks", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed builds the same world", DefaultValueFactory = _ => 1 };
        var demo = new Option<bool>("--demo") { Description = "Also configure the ready two-resource-group HACMP demo cluster (verified and synchronized, services stopped)" };
        var force = new Option<bool>("--force") { Description = "Replace the existing world, and empty the cluster configuration" };
        var snapshot = new Option<string?>("--from-snapshot") { Description = "Build the world of a real cluster's snapshot (FILE.odm, with FILE.info beside it when there) and apply it: rehearse on a copy of your own cluster" };
        var hacmp = new Option<string>("--hacmp") { Description = "The HACMP release installed on every node (5.4.1 or 5.5): start a migration from the old one", DefaultValueFactory = _ => SoftwareCatalog.DefaultRelease };
        var init = new Command("init", "Build a simulated world: N nodes, two IP networks, K shared disks, /etc/hosts with boot labels") { nodes, disks, seed, demo, force, snapshot, hacmp };
        init.SetAction(async (parse, ct) => await Guard(error, async () =>
        {
            if (parse.GetValue(snapshot) is { } file)
            {
                return parse.GetValue(demo) || parse.GetResult(hacmp) is { Implicit: false }
                    ? Usage(error, $"sim init: --from-snapshot and {(parse.GetValue(demo) ? "--demo" : "--hacmp")} cannot be used together (the snapshot says what the cluster is)")
                    : await SnapshotInit.RunAsync(exec.RuntimeOptionsOf(parse), file, parse.GetValue(force), parse.GetValue(seed), output, error, ct);
            }
            var n = parse.GetValue(nodes);
            var k = parse.GetValue(disks);
            if (n is < 1 or > WorldBuilder.MaxNodes)
            {
                return Usage(error, $"sim init: --nodes must be 1..{WorldBuilder.MaxNodes}");
            }
            if (k is < 0 or > WorldBuilder.MaxDisks || (parse.GetValue(demo) && (n < 2 || k < 2)))
            {
                return Usage(error, $"sim init: --disks must be 0..{WorldBuilder.MaxDisks}; --demo needs at least 2 nodes and 2 disks");
            }
            if (SoftwareCatalog.Find(parse.GetValue(hacmp)!) is null)
            {
                return Usage(error, $"sim init: --hacmp {parse.GetValue(hacmp)}: the simulator offers HACMP {string.Join(", ", SoftwareCatalog.Releases.Select(r => r.Release))}");
            }
            var path = OdmCommands.DatabasePath(parse);
            using (var repo = Runtime.RepositoryAt(path)())
            {
                var existing = repo.LoadWorld(SqliteWorldStore.DefaultWorld);
                if (existing is not null && !parse.GetValue(force))
                {
                    return Usage(error, $"sim init: a simulated world already exists in {path}; add --force to replace it (the cluster configuration is emptied too)");
                }
                var world = WorldBuilder.Build(new WorldOptions(n, k, parse.GetValue(seed), Demo: parse.GetValue(demo), Hacmp: parse.GetValue(hacmp)!));
                repo.ReplaceObjects(ConfigDirectory.Default, []);
                repo.ActivateDefault();
                if (!new SqliteWorldStore(repo).Save(world, existing?.Version ?? 0).Saved)
                {
                    throw new StoreException(StoreErrorKind.Conflict, $"the simulated world in {path} changed underneath (another cladmin is busy); nothing was replaced, try again");
                }
            }
            if (parse.GetValue(demo))
            {
                await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { Transport = "sim" }, error, ct);
                var world = runtime.Simulation!.World;
                if (await DemoCluster.ConfigureAsync(runtime.Dispatcher, world, ct) is { } failure)
                {
                    error.WriteLine($"cladmin: sim init: the demo cluster could not be configured: {failure}");
                    return ExitCodes.Failed;
                }
            }
            output.WriteLine($"Simulated world with {n} node(s) and {k} shared disk(s) (seed {parse.GetValue(seed)}){(parse.GetValue(demo) ? ", demo cluster configured" : "")} in {path}.");
            return ExitCodes.Ok;
        }));
        return init;
    }

    private static Command Fault(string verb, string description, Func<SimWorld, string, string, FaultResult> apply, ExecCommands exec, TextWriter output, TextWriter error)
    {
        var kind = new Argument<string>("kind") { Description = string.Join("|", SimFaults.Kinds) };
        kind.AcceptOnlyFromAmong([.. SimFaults.Kinds]);
        var target = new Argument<string>("target") { Description = "What to act on (see the kinds above)" };
        var command = new Command(verb, description) { kind, target };
        // The cluster managers notice the change after the failure detection time and run their events
        // (to a stable cluster in auto mode, printing what happened; queued in step mode).
        command.SetAction((parse, ct) => Guard(error, async () =>
        {
            await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { Transport = "sim" }, error, ct);
            var result = await runtime.ClusterServices!.FaultAsync(verb, world =>
            {
                var r = apply(world, parse.GetValue(kind)!, parse.GetValue(target)!);
                return (r.Ok, r.Message);
            }, ct);
            output.Write(result.Stdout);
            error.Write(result.Stderr);
            return result.ExitCode;
        }));
        return command;
    }

    private static Command Grow(ExecCommands exec, TextWriter output, TextWriter error)
    {
        var kind = new Argument<string>("kind") { Description = "disk" };
        kind.AcceptOnlyFromAmong("disk");
        var target = new Argument<string>("target") { Description = "The LUN: its id (lun01) or NODE:hdiskN" };
        var size = new Argument<string>("size") { Description = "Its new size: megabytes, or a number with M, G or T (20480, 20G)" };
        var grow = new Command("grow", "Grow a shared LUN on the storage side; the nodes then see it as the seed notes' procedure says (cfgmgr, lsattr -El hdiskN, chvg -g, importvg -L)") { kind, target, size };
        grow.SetAction((parse, ct) => Guard(error, async () =>
        {
            if (SizeInMb(parse.GetValue(size)!) is not { } mb)
            {
                return Usage(error, $"sim grow: '{parse.GetValue(size)}' is not a size (megabytes, or a number with M, G or T: 20480, 20G)");
            }
            await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { Transport = "sim" }, error, ct);
            var result = await runtime.ClusterServices!.FaultAsync("grow", world =>
            {
                var r = SimStorage.GrowDisk(world, parse.GetValue(target)!, mb);
                return (r.Ok, r.Message);
            }, ct);
            output.Write(result.Stdout);
            error.Write(result.Stderr);
            return result.ExitCode;
        }));
        return grow;
    }

    /// <summary>Megabytes from "20480", "20480M", "20G" or "1T"; null when not a size of 1 MB to 1 PB.</summary>
    private static int? SizeInMb(string text)
    {
        var unit = text.Length > 0 && char.IsLetter(text[^1]) ? char.ToUpperInvariant(text[^1]) : 'M';
        var digits = char.IsLetter(text.Length > 0 ? text[^1] : '0') ? text[..^1] : text;
        var factor = unit switch { 'M' => 1L, 'G' => 1024L, 'T' => 1024L * 1024, _ => 0L };
        return factor > 0 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n * factor <= int.MaxValue
            ? (int)(n * factor)
            : null;
    }

    private static Command Clock(ExecCommands exec, TextWriter output, TextWriter error)
    {
        var duration = new Argument<string>("duration") { Description = "How far, e.g. 90s, 10m, 2h, 1d" };
        var advance = new Command("advance", "Move the simulated clock forward; the automatic cluster verification (clautover) runs when its hour passes") { duration };
        advance.SetAction((parse, ct) => Guard(error, async () =>
        {
            if (SimFaults.ParseDuration(parse.GetValue(duration)!) is not { } by)
            {
                return Usage(error, $"sim clock advance: '{parse.GetValue(duration)}' is not a duration (e.g. 90s, 10m, 2h, 1d)");
            }
            await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { Transport = "sim" }, error, ct);
            var result = await AdvanceClockAsync(runtime.Simulation!, runtime.ClusterServices!, runtime.Dispatcher.RunAsync, by, parse.GetValue(duration)!, ct);
            output.Write(result.Stdout);
            error.Write(result.Stderr);
            return result.ExitCode;
        }));
        return new Command("clock", "The simulated clock") { advance };
    }

    /// <summary>
    /// <c>sim clock advance</c> (and the Cluster Simulation dialog's <c>clsim clock</c>): the clock moves by
    /// <paramref name="by"/>, running the cluster events that fall in that time, and the daily verification
    /// when its hour passes (the last time the clock passes it). <paramref name="text"/> is the duration as typed.
    /// </summary>
    internal static async Task<CommandResult> AdvanceClockAsync(SimTransport sim, SimClusterServices services,
        Func<CommandRequest, CancellationToken, Task<CommandResult>> run, TimeSpan by, string text, CancellationToken ct)
    {
        var from = sim.World.Clock;
        if (by > DateTime.MaxValue - from)
        {
            return CommandResult.Local(ExitCodes.Usage, "", $"cladmin: sim clock advance: '{text}' would move the clock past the year 9999\n");
        }
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        // The cluster events that fall in that time run as the clock moves (SimClusterServices.AdvanceAsync).
        // The daily verification runs at its hour on the way (the last time the clock passes it).
        var settings = await run(new CommandRequest("clautover -c"), ct).ConfigureAwait(false);
        var due = DailyHour(settings.Stdout) is { } hour ? SimClock.LastDaily(from, from + by, hour) : null;
        var steps = due is { } at ? new[] { at - from, from + by - at } : [by];
        for (var i = 0; i < steps.Length; i++)
        {
            var moved = await services.AdvanceAsync(steps[i], text, ct).ConfigureAwait(false);
            if (moved.ExitCode != 0)
            {
                return CommandResult.Local(moved.ExitCode, stdout.ToString(), stderr.Append(moved.Stderr).ToString());
            }
            // One "Simulated clock:" line, the last: the events of each step are shown as they ran.
            stdout.Append(string.Concat(moved.Stdout.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("Simulated clock: ", StringComparison.Ordinal)).Select(l => l + "\n")));
            if (i == 0 && due is not null)
            {
                var verified = await run(new CommandRequest("clautover"), ct).ConfigureAwait(false);
                stdout.Append(verified.Stdout);
                stderr.Append(verified.Stderr);
            }
        }
        stdout.Append(string.Create(CultureInfo.InvariantCulture, $"Simulated clock: {sim.World.Clock:ddd MMM d HH:mm:ss yyyy}\n"));
        return CommandResult.Local(ExitCodes.Ok, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The hour of the automatic verification from <c>clautover -c</c>'s "#ENABLED:NODE:HOUR" lines; null when disabled.</summary>
    private static int? DailyHour(string colonOutput)
    {
        var fields = colonOutput.Split('\n').FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'))?.Split(':');
        return fields is { Length: 3 } && fields[0] == "Enabled" && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) ? hour : null;
    }

    private static Command Status(TextWriter output, TextWriter error)
    {
        var status = new Command("status", "One screen of the simulated world: nodes, interfaces, disks, volume groups, faults, who has what");
        status.SetAction(parse => Guard(error, () =>
        {
            var open = Runtime.RepositoryAt(OdmCommands.DatabasePath(parse));
            using var repo = open();
            if (new SqliteWorldStore(repo).Load() is not { } stored)
            {
                return Usage(error, "sim status: no simulated world yet; 'cladmin sim init --demo' builds one (any other cladmin command does too)");
            }
            // R-CM: the managers' states as lssrc -ls clstrmgrES shows them (ST_INIT once synchronized).
            Runtime.ReconcileManagers(stored.World, open);
            output.Write(SimStatus.Render(stored.World));
            return ExitCodes.Ok;
        }));
        return status;
    }

    private static int Guard(TextWriter error, Func<int> action) =>
        Guard(error, () => Task.FromResult(action())).GetAwaiter().GetResult();

    private static async Task<int> Guard(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            error.WriteLine($"cladmin: {e.Message}");
            return ExitCodes.Of(e);
        }
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"cladmin: {message}");
        return ExitCodes.Usage;
    }
}
