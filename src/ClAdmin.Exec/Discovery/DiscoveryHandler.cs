using System.Globalization;
using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Store;

namespace ClAdmin.Exec.Discovery;

/// <summary>
/// <c>clrsh_discover</c>, "Discover HACMP-related Information from Configured Nodes": gathers from
/// every cluster node (or the request's nodes), through the transport, its interfaces with their
/// addresses and netmasks (<c>ifconfig -a</c>), its /etc/hosts labels, its physical volumes
/// (<c>lspv</c>) and volume groups (<c>lsvg</c>, <c>lsvg -o</c>, <c>lsvg VG</c>, <c>getlvodm -d VG</c> for the major number), and stores them
/// as the node's discovery data, replacing what an earlier discovery found there. A node that
/// cannot be reached or answers with an error is named and keeps its earlier data; the others'
/// data is stored all the same, and the exit code is 1.
/// </summary>
public sealed class DiscoveryHandler(FanOutEngine engine, IClusterNodes clusterNodes, Func<ObjectRepository> openRepository) : ICommandHandler
{
    /// <summary>The command's name in commands.json and the menus.</summary>
    public const string Name = "clrsh_discover";

    public IReadOnlyCollection<string> Names { get; } = [Name];

    /// <summary>Discovery on <paramref name="nodes"/> (clmgr add cluster and add node run it).</summary>
    public Task<CommandResult> DiscoverAsync(IReadOnlyList<string> nodes, CancellationToken cancellationToken) =>
        RunAsync(new CommandInvocation(Name, Name, [], "", "") { Nodes = nodes }, cancellationToken);

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var targets = invocation.Nodes ?? clusterNodes.All();
        if (targets.Count == 0)
        {
            return CommandResult.Local(2, "", DiscoveryText.NoNodes);
        }
        var failed = new Dictionary<string, NodeResult>(StringComparer.Ordinal);
        var healthy = targets.ToList();

        async Task<Dictionary<string, string>> Gather(Func<string, IReadOnlyList<string>> argv, Func<string, bool>? on = null)
        {
            var result = await engine.RunAsync([.. healthy.Where(on ?? (_ => true))], new NodeOperation(n => new NodeCommand(n, argv(n))), new FanOutOptions(), null, cancellationToken)
                .ConfigureAwait(false);
            foreach (var r in result.Results.Where(r => r.Outcome != NodeOutcome.Ok))
            {
                failed.TryAdd(r.Node, r);
            }
            healthy = [.. healthy.Where(n => !failed.ContainsKey(n))];
            return result.Results.Where(r => r.Outcome == NodeOutcome.Ok).ToDictionary(r => r.Node, r => r.Stdout, StringComparer.Ordinal);
        }

        var ifconfig = await Gather(_ => ["ifconfig", "-a"]).ConfigureAwait(false);
        var hosts = await Gather(_ => ["cat", "/etc/hosts"]).ConfigureAwait(false);
        var lspv = await Gather(_ => ["lspv"]).ConfigureAwait(false);
        var lsvg = await Gather(_ => ["lsvg"]).ConfigureAwait(false);
        var online = await Gather(_ => ["lsvg", "-o"]).ConfigureAwait(false);
        var details = await Gather(n => ["lsvg", .. DiscoveryParser.Names(online[n])]).ConfigureAwait(false);
        // The major number of every group the node knows, from its ODM (getlvodm -d, one group a call).
        var majors = healthy.ToDictionary(n => n, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        for (var i = 0; healthy.Any(n => DiscoveryParser.Names(lsvg[n]).Count > i); i++)
        {
            var k = i;
            var round = await Gather(n => ["getlvodm", "-d", DiscoveryParser.Names(lsvg[n])[k]], n => DiscoveryParser.Names(lsvg[n]).Count > k)
                .ConfigureAwait(false);
            foreach (var (node, text) in round)
            {
                if (int.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var major))
                {
                    majors[node][DiscoveryParser.Names(lsvg[node])[k]] = major;
                }
            }
        }

        var found = healthy.Select(n =>
        {
            var active = DiscoveryParser.Names(online[n]).ToHashSet(StringComparer.Ordinal);
            var detail = DiscoveryParser.LsvgDetails(details[n]);
            return new NodeDiscovery(n, DiscoveryParser.Ifconfig(ifconfig[n]), DiscoveryParser.Hosts(hosts[n]), DiscoveryParser.Lspv(lspv[n]),
                [.. DiscoveryParser.Names(lsvg[n]).Select(vg => detail.TryGetValue(vg, out var d)
                    ? new DiscoveredVolumeGroup(vg, d.PpSize, majors[n].GetValueOrDefault(vg), d.Concurrent, active.Contains(vg))
                    : new DiscoveredVolumeGroup(vg, 0, majors[n].GetValueOrDefault(vg), false, active.Contains(vg)))]);
        }).ToList();
        using (var repo = openRepository())
        {
            foreach (var data in found)
            {
                repo.ReplaceDiscovery(data);
            }
        }

        var results = new List<NodeResult>();
        foreach (var node in targets)
        {
            var r = failed.TryGetValue(node, out var bad) ? bad : new NodeResult(node, NodeOutcome.Ok, 0, "", "", TimeSpan.Zero);
            results.Add(r);
            invocation.OnNodeResult?.Invoke(r);
        }
        var stderr = new StringBuilder();
        foreach (var r in failed.Values.OrderBy(r => targets.ToList().IndexOf(r.Node)))
        {
            stderr.Append(r.Stderr);
            stderr.Append(r.Outcome is NodeOutcome.Unreachable or NodeOutcome.TimedOut
                ? F(DiscoveryText.Unreachable, r.Node)
                : F(DiscoveryText.NodeFailed, r.Node, $"exit code {r.ExitCode}"));
        }
        return new CommandResult(failed.Count == 0 ? 0 : 1, Report(found, failed.Count == 0 ? null : NodeSet.Fold(failed.Keys)), stderr.ToString(), results);
    }

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>The console text: the IP harvest, then clvg_config's per-node disk entries.</summary>
    private static string Report(List<NodeDiscovery> found, string? failedNodes)
    {
        var sb = new StringBuilder();
        sb.Append(DiscoveryText.IpStart);
        sb.Append(F(DiscoveryText.IpCount, found.Sum(n => n.Interfaces.Count)));
        sb.Append(DiscoveryText.IpDone);
        sb.Append(DiscoveryText.VgStart);
        foreach (var node in found)
        {
            sb.Append(node.Node).Append(":\n");
            foreach (var disk in node.Disks.Where(d => d.Pvid != "none" && d.VolumeGroup != "rootvg"))
            {
                var vg = node.VolumeGroups.FirstOrDefault(v => v.Name == disk.VolumeGroup);
                sb.Append(F(DiscoveryText.DiskField, "Hdisk:", disk.Hdisk));
                sb.Append(F(DiscoveryText.DiskField, "PVID:", disk.Pvid));
                sb.Append(F(DiscoveryText.DiskField, "VGname:", disk.VolumeGroup));
                if (vg is not null)
                {
                    sb.Append(F(DiscoveryText.DiskField, "VGmajor:", vg.Major == 0 ? "" : vg.Major.ToString(CultureInfo.InvariantCulture)));
                    sb.Append(F(DiscoveryText.DiskField, "Conc-capable:", vg.ConcurrentCapable ? "Yes" : "No"));
                    sb.Append(F(DiscoveryText.DiskField, "VGactive:", vg.Active ? "Yes" : "No"));
                }
            }
        }
        sb.Append('\n');
        sb.Append(failedNodes is null ? DiscoveryText.Done : F(DiscoveryText.DoneWithErrors, failedNodes));
        return sb.ToString();
    }
}
