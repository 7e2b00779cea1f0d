using ClAdmin.Contracts;
using ClAdmin.Sim.Model;
using ClAdmin.Sim;

namespace ClAdmin;

/// <summary>
/// The HACMP side of the demo cluster, configured the way an administrator would: clmgr lines
/// through the dispatcher (cluster and nodes, whose discovery defines the networks and boot
/// interfaces, one boot interface moved to the service network, service labels,
/// application servers, shared volume groups and file systems, two resource groups), then verified
/// and synchronized with clmgr sync cluster (the configuration copied to every node and made
/// active). Services are left stopped.
/// </summary>
public static class DemoCluster
{
    public const string ClusterName = "demo_cluster";

    /// <summary>The clmgr lines that configure the demo on a world built with --demo.</summary>
    public static IReadOnlyList<string> Commands(SimWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var nodes = world.Nodes.Select(n => n.Name).ToList();
        var lines = new List<string> { $"clmgr add cluster NODES='{string.Join(',', nodes)}' {ClusterName}" };
        // Adding the cluster discovers the nodes and defines a network per subnet with the boot
        // interfaces (en0 on net_ether_01, en1 on net_ether_02, en2 on net_ether_03). en0 and en1
        // share a wire, so, as an administrator would, the demo puts both on net_ether_01 (IPAT via
        // aliasing with two boot interfaces a node) and removes the network left empty.
        foreach (var node in world.Nodes)
        {
            lines.Add($"clmgr modify interface NETWORK='net_ether_01' {node.Name}_boot2");
        }
        lines.Add("clmgr delete network net_ether_02");
        foreach (var app in DemoWorld.Layout)
        {
            var dir = $"/usr/local/ha/{app.Name}";
            lines.Add($"clmgr add service_ip NETWORK='net_ether_01' NETMASK='255.255.255.0' ADDRESS='{app.ServiceAddress}' {app.ServiceLabel}");
            lines.Add($"clmgr add application_controller STARTSCRIPT='{dir}/start.sh' STOPSCRIPT='{dir}/stop.sh' {app.Name}");
            var disk = world.Disks.Where(d => d.Names.Count == world.Nodes.Count).ElementAt(DemoWorld.Layout.ToList().IndexOf(app));
            lines.Add($"clmgr add volume_group NODES='{string.Join(',', nodes)}' PHYSICAL_VOLUMES='{disk.NameOn(nodes[0])}' TYPE='original' MAJOR_NUMBER='{app.Major}' {app.VolumeGroup}");
            lines.Add($"clmgr add file_system VOLUME_GROUP='{app.VolumeGroup}' {app.MountPoint}");
        }
        // rg1 prefers the first node, rg2 the second: the two applications run apart.
        var ordered = new[] { nodes, nodes.Skip(1).Concat(nodes.Take(1)).ToList() };
        for (var i = 0; i < DemoWorld.Layout.Count; i++)
        {
            var app = DemoWorld.Layout[i];
            lines.Add($"clmgr add resource_group NODES='{string.Join(',', ordered[i % 2])}' STARTUP='OHN' FALLOVER='FNPN' FALLBACK='{(i == 0 ? "FBHPN" : "NFB")}' " +
                $"SERVICE_LABEL='{app.ServiceLabel}' APPLICATIONS='{app.Name}' VOLUME_GROUP='{app.VolumeGroup}' FILESYSTEM='{app.MountPoint}' {app.ResourceGroup}");
        }
        return lines;
    }

    /// <summary>The last line: verification, then synchronization to every node, as "Verify and Synchronize HACMP Configuration" runs it.</summary>
    public const string Synchronize = "clmgr sync cluster";

    /// <summary>Configures the demo through the dispatcher and synchronizes it; the error names the line that failed.</summary>
    public static async Task<string?> ConfigureAsync(IDispatcher dispatcher, SimWorld world, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        foreach (var line in Commands(world).Append(Synchronize))
        {
            var result = await dispatcher.RunAsync(new CommandRequest(line), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                return $"{line}: {result.Stderr.Trim()}";
            }
        }
        return null;
    }
}
