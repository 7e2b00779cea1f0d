using System.Globalization;
using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Scenarios;
using ClAdmin.Shell;
using ClAdmin.Sim;
using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Manager;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// <c>clsim SUBCOMMAND</c>: what the Cluster Simulation dialogs (menus/cluster-simulation.json, issue
/// 19 §4) run through the one dispatcher, so that the screens, <c>cladmin run</c> and <c>cladmin cmd</c>
/// do the same. Each subcommand is the <c>cladmin sim</c> verb of the same name, on the same code:
/// fail, repair (SimFaults through <see cref="SimClusterServices.FaultAsync"/>), whatif
/// (<see cref="SimWhatIf"/>), clock (<see cref="SimCommands.AdvanceClockAsync"/>), mode, step,
/// settle, scenario (<see cref="ScenarioRunner"/>), world (<see cref="SimStatus"/>); and for the
/// screens: status (the live cluster status, <see cref="SimLiveStatus"/>) and targets (the F4 list of
/// what each fault kind acts on). ClAdmin's own command (no IBM counterpart); only on the simulator.
/// </summary>
public sealed class SimMenuTools(
    SimTransport simulation,
    SimClusterServices services,
    Func<ObjectRepository> openRepository,
    Func<CommandRequest, CancellationToken, Task<CommandResult>> run,
    string databasePath) : ICommandHandler
{
    private const string Name = "clsim";

    private const string UsageText =
        "Usage: clsim fail|repair|whatif KIND TARGET   (KIND: node interface network disk app hang)\n"
        + "       clsim clock DURATION                  (90s, 10m, 2h, 1d)\n"
        + "       clsim mode auto|step | clsim mode -c\n"
        + "       clsim step | clsim settle\n"
        + "       clsim scenario FILE...\n"
        + "       clsim lesson list | clsim lesson start NAME | clsim lesson check\n"
        + "       clsim status | clsim world | clsim targets [-f]\n";

    public IReadOnlyCollection<string> Names { get; } = [Name];

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var args = invocation.Arguments;
        if (args.Count == 0)
        {
            return Usage(null);
        }
        var rest = args.Skip(1).ToList();
        switch (args[0])
        {
            case "fail" or "repair" when rest.Count == 2:
                var verb = args[0];
                return await services.FaultAsync(verb, world =>
                    (verb == "fail" ? SimFaults.Fail(world, rest[0], rest[1]) : SimFaults.Repair(world, rest[0], rest[1])) is var r ? (r.Ok, r.Message) : default,
                    cancellationToken).ConfigureAwait(false);
            case "whatif" when rest.Count == 2:
                return await SimWhatIf.RunAsync(services, openRepository, rest[0], rest[1], cancellationToken).ConfigureAwait(false);
            case "clock" when rest.Count == 1:
                if (SimFaults.ParseDuration(rest[0]) is not { } by)
                {
                    return Usage($"'{rest[0]}' is not a duration (e.g. 90s, 10m, 2h, 1d)");
                }
                return await SimCommands.AdvanceClockAsync(simulation, services, run, by, rest[0], cancellationToken).ConfigureAwait(false);
            case "mode" when rest is ["-c"]:
                simulation.Refresh();
                return CommandResult.Local(0, $"#mode\n{simulation.World.Cluster.Mode}\n");
            case "mode" when rest.Count == 1:
                return await services.SetModeAsync(rest[0], cancellationToken).ConfigureAwait(false);
            case "step" when rest.Count == 0:
                return await services.StepAsync(cancellationToken).ConfigureAwait(false);
            case "settle" when rest.Count == 0:
                return await services.SettleAsync(cancellationToken).ConfigureAwait(false);
            case "scenario" when rest.Count > 0:
                return await ScenarioAsync(rest, cancellationToken).ConfigureAwait(false);
            case "lesson" when rest is ["list"] or ["check"] or ["start", _]:
                return await LessonAsync(rest).ConfigureAwait(false);
            case "status" when rest.Count == 0:
                return Status();
            case "world" when rest.Count == 0:
                return World();
            case "targets" when rest.Count == 0 || rest is ["-f"]:
                return Targets(faultsOnly: rest.Count == 1);
            default:
                return Usage(args[0] is "fail" or "repair" or "whatif" or "clock" or "mode" or "step" or "settle" or "scenario" or "lesson" or "status" or "world" or "targets"
                    ? null
                    : $"{args[0]} is not a clsim subcommand.");
        }
    }

    private static CommandResult Usage(string? error) =>
        CommandResult.Local(2, "", (error is null ? "" : $"{Name}: {error}\n") + UsageText);

    /// <summary>
    /// <c>cladmin lesson list|start NAME|check</c> itself, on this database (a lesson start replaces the
    /// world: the screens then read it afresh). The list is SMIT's F4 list: the name, then its title.
    /// </summary>
    private async Task<CommandResult> LessonAsync(IReadOnlyList<string> words)
    {
        var result = await ScenarioRunner.Verb(["--db", databasePath, "lesson", .. words]).ConfigureAwait(false);
        simulation.Refresh();
        return result;
    }

    /// <summary>The live cluster status: the stored world as it is now (another cladmin may have changed it).</summary>
    private CommandResult Status()
    {
        simulation.Refresh();
        var world = simulation.World;
        Runtime.ReconcileManagers(world, openRepository);
        var config = services.ActiveConfiguration();
        return CommandResult.Local(0, SimLiveStatus.Render(world, config, new SimClusterState(simulation, openRepository)));
    }

    /// <summary><c>cladmin sim status</c>'s screen of the machines.</summary>
    private CommandResult World()
    {
        simulation.Refresh();
        var world = simulation.World;
        Runtime.ReconcileManagers(world, openRepository);
        return CommandResult.Local(0, SimStatus.Render(world));
    }

    /// <summary>
    /// The F4 list of the fault dialogs: one target a line with the kinds it fits (node and hang for a
    /// node, NODE:enN, networks, LUN ids, NODE:APP for an application running now); with -f, the
    /// faults injected now, as TARGET KIND.
    /// </summary>
    private CommandResult Targets(bool faultsOnly)
    {
        simulation.Refresh();
        var world = simulation.World;
        var lines = new StringBuilder();
        void Line(string target, string kinds) => lines.Append(CultureInfo.InvariantCulture, $"{target,-24} {kinds}\n");
        if (faultsOnly)
        {
            foreach (var f in world.Faults)
            {
                Line(f.Target, f.Kind);
            }
            return CommandResult.Local(0, lines.ToString());
        }
        var applications = services.ActiveConfiguration().ApplicationControllers.Select(a => a.Name).ToList();
        foreach (var node in world.Nodes)
        {
            Line(node.Name, "node hang");
        }
        foreach (var node in world.Nodes)
        {
            foreach (var nic in node.Interfaces)
            {
                Line($"{node.Name}:{nic.Name}", "interface");
            }
        }
        foreach (var net in world.Networks)
        {
            Line(net.Name, "network");
        }
        foreach (var disk in world.Disks)
        {
            Line(disk.Id, "disk");
        }
        foreach (var node in world.Nodes)
        {
            foreach (var app in applications.Where(a => node.Processes.Exists(p => p.Command == a || p.Command == a + "d")))
            {
                Line($"{node.Name}:{app}", "app");
            }
        }
        return CommandResult.Local(0, lines.ToString());
    }

    /// <summary>As <c>cladmin sim scenario run FILE...</c>: each on a fresh temporary database.</summary>
    private static async Task<CommandResult> ScenarioAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var scenarios = new List<Scenario>();
        var errors = new StringBuilder();
        foreach (var path in files)
        {
            if (!File.Exists(path))
            {
                errors.Append(CultureInfo.InvariantCulture, $"{Name}: {path}: no such scenario file\n");
                continue;
            }
            var (scenario, problems) = ScenarioReader.ReadFile(path);
            foreach (var e in problems)
            {
                errors.Append(e).Append('\n');
            }
            if (scenario is not null && problems.Count == 0)
            {
                scenarios.Add(scenario);
            }
        }
        if (errors.Length > 0)
        {
            return CommandResult.Local(2, "", errors.Append(CultureInfo.InvariantCulture, $"{Name}: scenario: nothing was run\n").ToString());
        }
        var outcomes = new List<ScenarioOutcome>();
        foreach (var scenario in scenarios)
        {
            outcomes.Add(await ScenarioRunner.RunAsync(scenario, cancellationToken).ConfigureAwait(false));
        }
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        ScenarioReport.WriteText(output, outcomes);
        return CommandResult.Local(outcomes.All(o => o.Passed) ? 0 : 1, output.ToString());
    }
}
