using ClAdmin.Contracts;
using ClAdmin.Sim.Model;
using ClAdmin.Sim;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// The HACMP side of the demo cluster, configured the way an administrator would: clmgr lines
/// through the dispatcher (cluster and nodes, whose discovery defines the networks and boot
/// interfaces, one boot interface moved to the service network, service labels,
/// application servers, shared volume groups and file systems, two resource groups), verified
/// with clmgr verify cluster, then made active (the DCD copied to the ACD). Services are left stopped.
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

    /// <summary>Configures the demo through the dispatcher and synchronizes it; the error names the line that failed.</summary>
    public static async Task<string?> ConfigureAsync(IDispatcher dispatcher, SimWorld world, Func<ObjectRepository> openRepository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        foreach (var line in Commands(world))
        {
            var result = await dispatcher.RunAsync(new CommandRequest(line), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                return $"{line}: {result.Stderr.Trim()}";
            }
        }
        // Verified as a user would before synchronizing (clverify over the simulated nodes).
        const string Verify = "clmgr verify cluster";
        var verified = await dispatcher.RunAsync(new CommandRequest(Verify), cancellationToken).ConfigureAwait(false);
        if (verified.ExitCode != 0)
        {
            return $"{Verify}: {verified.Stderr.Trim()}";
        }
        // Until synchronization exists (issue 14), the verified configuration is made active here.
        using var repo = openRepository();
        repo.ActivateDefault();
        return null;
    }
}
