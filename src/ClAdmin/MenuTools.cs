using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Shell;
using ClAdmin.Sim;
using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Manager;
using ClAdmin.Sim.Model;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// The commands of the menus that act on the simulated cluster as a whole (issue 17 §1), with the
/// flags their dialogs in menus/ send: clappmon (Suspend/Resume Application Monitoring), cl_emulate
/// (HACMP Event Emulation, run as <c>cladmin sim whatif</c> runs a fault), cl_smit (Open a SMIT
/// Session on a Node), claddclstr (Add/Change/Show a Cluster Definition), cl_configassist (the
/// Two-Node Cluster Configuration Assistant) and cl_ezupdate. Messages of our own are
/// reconstructed [U]; the banners of the emulation are in <see cref="ManagerTexts"/>.
/// </summary>
public sealed class MenuTools(
    SimTransport simulation,
    SimClusterServices services,
    SessionNode localNode,
    Func<ObjectRepository> openRepository,
    Func<CommandRequest, CancellationToken, Task<CommandResult>> run) : ICommandHandler
{
    private static readonly Dictionary<string, string> Usages = new(StringComparer.Ordinal)
    {
        ["clappmon"] = "Usage: clappmon {-s | -r} -a ApplicationServer [-m Monitor] -g ResourceGroup",
        ["cl_emulate"] = "Usage: cl_emulate -e node_up|node_down|network_up|network_down|fail_standby|join_standby|swap_adapter [-n Node] [-w Network] [-a IPLabel] [-d StandbyLabel] [-f graceful|takeover|forced]",
        ["cl_smit"] = "Usage: cl_smit {-cspoc \"-n Node\" | -n Node} [FastPath]",
        ["claddclstr"] = "Usage: claddclstr -n ClusterName",
        ["cl_configassist"] = "Usage: cl_configassist -t CommunicationPath -a ApplicationServer -b StartScript -e StopScript -s ServiceIPLabel",
        // PowerHA 7.2 cl_ezupdate (software updates, IBM docs "cl_ezupdate command"), plus the -n/-i
        // form the "Update HACMP Communication Interface with Operating System Settings" dialogs send.
        ["cl_ezupdate"] = "Usage: cl_ezupdate [-v] -h\n"
            + "       cl_ezupdate [-v] -Q {cluster|node|nim|lpp} [-N <node1,node2,...>]\n"
            + "       cl_ezupdate [-v] {-Q {lpp|all} | -P | -A | -C | -R} [-N <node1,node2,...>] -s <repository> [-F]\n"
            + "       cl_ezupdate -n Node -i NetworkInterface   (update the HACMP interface definition from the operating system)",
    };

    private static readonly string[] Events = ["node_up", "node_down", "network_up", "network_down", "fail_standby", "join_standby", "swap_adapter"];

    public IReadOnlyCollection<string> Names => Usages.Keys;

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Arguments.Count == 0 && invocation.Cspoc is null)
        {
            return Usage(invocation.Name, null);
        }
        return invocation.Name switch
        {
            "clappmon" => await ClappmonAsync(invocation, cancellationToken).ConfigureAwait(false),
            "cl_emulate" => await EmulateAsync(invocation, cancellationToken).ConfigureAwait(false),
            "cl_smit" => Smit(invocation),
            "claddclstr" => await AddClusterAsync(invocation, cancellationToken).ConfigureAwait(false),
            "cl_configassist" => await ConfigAssistAsync(invocation, cancellationToken).ConfigureAwait(false),
            _ => Ezupdate(invocation),
        };
    }

    private static CommandResult Usage(string name, string? error) =>
        CommandResult.Local(2, "", (error is null ? "" : $"{name}: {error}\n") + Usages[name] + "\n");

    private static CommandResult Fail(string name, string message, int rc = 1) => CommandResult.Local(rc, "", $"{name}: {message}\n");

    private ClusterConfiguration Configuration(ConfigDirectory directory)
    {
        using var repo = openRepository();
        return repo.LoadConfiguration(directory);
    }

    private Task<CommandResult> ClappmonAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var g = Getopt.Parse(invocation.Arguments, "sra:m:g:");
        if (g.BadFlag is { } bad)
        {
            return Task.FromResult(Usage("clappmon", $"Not a recognized flag: {bad}"));
        }
        if (g.Has('s') == g.Has('r') || g.Value('a') is not { } app || g.Value('g') is not { } group || g.Operands.Count > 0)
        {
            return Task.FromResult(Usage("clappmon", null));
        }
        return services.SuspendMonitoringAsync(app, g.Value('m') is { Length: > 0 } m ? m : null, group, g.Has('s'), cancellationToken);
    }

    private async Task<CommandResult> EmulateAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        const string name = "cl_emulate";
        var g = Getopt.Parse(invocation.Arguments, "e:n:w:a:d:f:");
        if (g.BadFlag is { } bad)
        {
            return Usage(name, $"Not a recognized flag: {bad}");
        }
        if (g.Value('e') is not { } evt || !Events.Contains(evt) || g.Operands.Count > 0)
        {
            return Usage(name, g.Value('e') is { } e ? $"{e} is not an event the emulator runs." : null);
        }
        var config = services.ActiveConfiguration();
        var node = g.Value('n');
        var network = g.Value('w');
        var label = g.Value('a');
        var standby = g.Value('d');
        var mode = g.Value('f') ?? "graceful";
        string? problem = null;
        if (node is not null && config.Nodes.All(n => n.Name != node))
        {
            problem = $"{node} is not a node of the active cluster configuration";
        }
        else if (network is not null && config.Networks.All(n => n.Name != network))
        {
            problem = $"{network} is not a network of the active cluster configuration";
        }
        else if (mode is not ("graceful" or "takeover" or "forced"))
        {
            problem = $"-f {mode}: the node down mode is graceful, takeover or forced";
        }
        else if ((evt is "node_up" or "node_down" or "fail_standby" or "join_standby" or "swap_adapter" && node is null)
            || (evt is "network_up" or "network_down" or "swap_adapter" && network is null)
            || (evt is "fail_standby" or "join_standby" or "swap_adapter" && label is null))
        {
            return Usage(name, null);
        }
        if (problem is not null)
        {
            return Fail(name, problem + ".", 2);
        }
        // The interfaces (NODE:enN) the event is about, from the active configuration.
        string[] Devices(string n, Func<Interface, bool> which) =>
            [.. config.Interfaces.Where(i => i.Node == n && which(i) && i.Device.Length > 0).Select(i => $"{n}:{i.Device}")];
        string[] targets = evt switch
        {
            "fail_standby" or "join_standby" => Devices(node!, i => i.Label == label),
            "swap_adapter" => Devices(node!, i => i.Network == network && i.Label != standby),
            "network_up" or "network_down" when node is not null => Devices(node, i => i.Network == network),
            _ => [],
        };
        if (evt is "fail_standby" or "join_standby" or "swap_adapter" && targets.Length == 0)
        {
            return Fail(name, $"{label}: no interface of {node} in the active cluster configuration carries this label.", 2);
        }
        var forecast = await services.WhatIfAsync(world =>
        {
            switch (evt)
            {
                case "node_up" or "node_down":
                    var sim = world.FindNode(node!)!;
                    var active = ClusterManager.Active(sim);
                    if (active == (evt == "node_up"))
                    {
                        return (false, $"cluster services are {(active ? "already" : "not")} active on {node}");
                    }
                    if (evt == "node_up")
                    {
                        ClusterManager.Join(world, sim, manageAutomatically: true);
                    }
                    else
                    {
                        ClusterManager.Leave(world, sim, mode switch { "takeover" => "move", "forced" => "unmanage", _ => "offline" });
                    }
                    return (true, $"{evt} {node} {(evt == "node_down" ? mode : "")}".TrimEnd());
                default:
                    var up = evt is "network_up" or "join_standby";
                    var faults = targets.Length == 0 ? [("network", network!)] : targets.Select(t => ("interface", t)).ToArray();
                    foreach (var (kind, target) in faults)
                    {
                        var r = up ? SimFaults.Repair(world, kind, target) : SimFaults.Fail(world, kind, target);
                        if (!r.Ok)
                        {
                            return (false, r.Message);
                        }
                    }
                    return (true, $"{evt} {string.Join(' ', new[] { node, network, label, standby }.OfType<string>())}");
            }
        }, cancellationToken).ConfigureAwait(false);
        var from = localNode.Value;
        var text = new StringBuilder()
            .Append(ManagerTexts.EmulationStart(from)).Append('\n')
            .Append(forecast.Result.Stdout)
            .Append(ManagerTexts.EmulationEnd(from)).Append('\n')
            .ToString();
        if (forecast.After is null)
        {
            return forecast.Result with { ExitCode = forecast.Result.ExitCode == 2 ? 1 : forecast.Result.ExitCode, Stderr = forecast.Result.Stderr.Replace("sim whatif", name, StringComparison.Ordinal) };
        }
        new SimNodeFiles(simulation, () => from, "/tmp").Write("emuhacmp.out", text);
        return forecast.Result with { Stdout = text };
    }

    private CommandResult Smit(CommandInvocation invocation)
    {
        const string name = "cl_smit";
        var g = Getopt.Parse(invocation.Arguments, "n:");
        var nodes = invocation.Cspoc?.Nodes is { Count: > 0 } cspoc ? cspoc : g.Value('n') is { } n ? [n] : [];
        if (g.BadFlag is not null || nodes.Count != 1 || g.Operands.Count > 1)
        {
            return Usage(name, null);
        }
        var node = nodes[0];
        var world = simulation.World;
        if (world.FindNode(node) is not { } sim)
        {
            return Fail(name, $"{node} is not a node of the cluster ({string.Join(", ", world.Nodes.Select(x => x.Name))}).", 2);
        }
        if (!sim.Up)
        {
            return Fail(name, $"{node}: unreachable (the node is down); the SMIT session stays on {localNode.Value}.");
        }
        localNode.Choose(node);
        var fastPath = g.Operands.Count == 1 ? $" Fast path {g.Operands[0]}: open it from the screens (cladmin --node {node} {g.Operands[0]})." : "";
        return CommandResult.Local(0, $"SMIT session on node {node}: the commands that follow run there.{fastPath}\n");
    }

    private async Task<CommandResult> AddClusterAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        const string name = "claddclstr";
        var g = Getopt.Parse(invocation.Arguments, "n:");
        if (g.BadFlag is not null || g.Value('n') is not { Length: > 0 } cluster || g.Operands.Count > 0)
        {
            return Usage(name, null);
        }
        var current = Configuration(ConfigDirectory.Default).Cluster;
        if (current is not null && current.Name != cluster
            && simulation.World.Nodes.Where(ClusterManager.Active).Select(x => x.Name).ToList() is { Count: > 0 } active)
        {
            return Fail(name, $"cluster services are active on {string.Join(", ", active)}: stop them on all nodes before changing the cluster name (then synchronize).");
        }
        var line = current is null ? $"clmgr add cluster {ShellWords.Quote(cluster)}" : $"clmgr modify cluster NAME={ShellWords.Quote(cluster)}";
        return await run(new CommandRequest(line), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The Two-Node Cluster Configuration Assistant: a cluster of the local node and the node the
    /// communication path reaches, named APP_cluster, with the service IP label, the application
    /// server and a resource group APP_group holding both (Online on Home Node Only, Fallover To Next
    /// Priority Node, Never Fallback), then verified and synchronized [U: names and policies
    /// recalled from HACMP 5.x, not confirmed]. The assistant adds no shared volume group. A
    /// failed step restores the configuration as it was.
    /// </summary>
    private async Task<CommandResult> ConfigAssistAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        const string name = "cl_configassist";
        var g = Getopt.Parse(invocation.Arguments, "t:a:b:e:s:");
        if (g.BadFlag is not null || g.Operands.Count > 0 || "tabes".Any(f => g.Value(f) is not { Length: > 0 }))
        {
            return Usage(name, null);
        }
        var (path, app, start, stop, label) = (g.Value('t')!, g.Value('a')!, g.Value('b')!, g.Value('e')!, g.Value('s')!);
        if (Configuration(ConfigDirectory.Default).Cluster is { } existing)
        {
            return Fail(name, $"a cluster ({existing.Name}) is already defined: remove it first (clmgr delete cluster) to configure a new one.");
        }
        var world = simulation.World;
        var local = localNode.Value;
        var hosts = world.FindNode(local)?.Files.TryGetValue("/etc/hosts", out var f) == true ? f.Content : "";
        string? Resolve(string host) => hosts.Split('\n').Select(l => l.Split('#')[0].Split(' ', '\t').Where(w => w.Length > 0).ToArray())
            .FirstOrDefault(w => w.Length > 1 && w.Skip(1).Contains(host))?[0];
        var address = Resolve(path) ?? path;
        var takeover = world.Nodes.FirstOrDefault(n => n.Name == path || n.Interfaces.Any(i => i.Addresses.Any(a => a.Address == address)));
        if (takeover is null || takeover.Name == local)
        {
            return Fail(name, $"{path}: the communication path reaches no other node than {local}.", 2);
        }
        if (Resolve(label) is not { } serviceAddress)
        {
            return Fail(name, $"{label}: the service IP label is not in /etc/hosts on {local}.", 2);
        }
        List<Cluster.Odm.OdmObject> before;
        using (var repo = openRepository())
        {
            before = [.. repo.GetObjects(ConfigDirectory.Default)];
        }
        var output = new StringBuilder();
        var nodes = $"{local},{takeover.Name}";
        var q = ShellWords.Quote;
        async Task<CommandResult> Step(string line)
        {
            output.Append(CultureInfo.InvariantCulture, $"{name}: {line}\n");
            var r = await run(new CommandRequest(line), cancellationToken).ConfigureAwait(false);
            output.Append(r.Stdout);
            return r;
        }
        var result = await Step($"clmgr add cluster NODES={q(nodes)} {q(app + "_cluster")}").ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            var network = Configuration(ConfigDirectory.Default).Networks.FirstOrDefault(n => n.Public)?.Name ?? "";
            foreach (var line in new[]
            {
                $"clmgr add service_ip NETWORK={q(network)} NETMASK='255.255.255.0' ADDRESS={q(serviceAddress)} {q(label)}",
                $"clmgr add application_controller STARTSCRIPT={q(start)} STOPSCRIPT={q(stop)} {q(app)}",
                $"clmgr add resource_group NODES={q(nodes)} STARTUP='OHN' FALLOVER='FNPN' FALLBACK='NFB' SERVICE_LABEL={q(label)} APPLICATIONS={q(app)} {q(app + "_group")}",
                "clmgr sync cluster",
            })
            {
                result = await Step(line).ConfigureAwait(false);
                if (result.ExitCode != 0)
                {
                    break;
                }
            }
        }
        if (result.ExitCode != 0)
        {
            using var repo = openRepository();
            repo.ReplaceObjects(ConfigDirectory.Default, before);
            return CommandResult.Local(1, output.ToString(), result.Stderr + $"{name}: the configuration was restored as it was before the assistant ran.\n");
        }
        return CommandResult.Local(0, output.ToString(), result.Stderr);
    }

    /// <summary>
    /// "Update HACMP Communication Interface with Operating System Settings": the interface's
    /// address as the node's operating system has it now becomes the HACMP definition's (synchronize
    /// afterwards). The software-update forms of PowerHA 7.2's cl_ezupdate are not simulated.
    /// </summary>
    private CommandResult Ezupdate(CommandInvocation invocation)
    {
        const string name = "cl_ezupdate";
        var g = Getopt.Parse(invocation.Arguments, "n:i:vhQ:PACRs:N:UF");
        if (g.BadFlag is not null || g.Has('h'))
        {
            return Usage(name, g.BadFlag is { } bad ? $"Not a recognized flag: {bad}" : null);
        }
        if (g.Value('n') is not { } node || g.Value('i') is not { } device)
        {
            return "QPACR".Any(g.Has)
                ? Fail(name, "software updates are not simulated: the simulated nodes install no filesets from a repository; nothing was changed.")
                : Usage(name, null);
        }
        if (simulation.World.FindNode(node) is not { } sim)
        {
            return Fail(name, $"{node} is not a node of the cluster.", 2);
        }
        if (!sim.Up)
        {
            return Fail(name, $"{node}: unreachable (the node is down); nothing was changed.");
        }
        if (sim.Interfaces.Find(i => i.Name == device) is not { } nic)
        {
            return Fail(name, $"{node}: {device}: no such network interface on the node ({string.Join(", ", sim.Interfaces.Select(i => i.Name))}).");
        }
        var os = nic.Addresses.Count > 0 ? nic.Addresses[0].Address : "";
        using var repo = openRepository();
        var message = repo.Update(ConfigDirectory.Default, c =>
        {
            var defined = c.Interfaces.FirstOrDefault(i => i.Node == node && i.Device == device);
            if (defined is null)
            {
                return (null, $"{node} {device}: no HACMP communication interface is defined on it; nothing to update.");
            }
            if (defined.Address == os)
            {
                return (null, $"{node} {device} ({defined.Label}): the HACMP definition already matches the operating system ({os}).");
            }
            var next = c with { Interfaces = [.. c.Interfaces.Select(i => i == defined ? i with { Address = os } : i)] };
            return (next, $"{node} {device} ({defined.Label}): address {defined.Address} -> {os} from the operating system. Synchronize the cluster to apply it.");
        });
        return CommandResult.Local(0, $"{name}: {message}\n");
    }
}
