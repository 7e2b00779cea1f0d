using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim;

/// <summary>
/// The AIX side of the `--demo` world: two enhanced concurrent shared VGs with a file system each,
/// imported on every node with the same major number and varied off; application programs and
/// their start/stop/monitor scripts on every node; service labels in /etc/hosts. It is built by
/// running the same commands an administrator would, through the node shells. The HACMP side
/// (cluster, resource groups using <see cref="Layout"/>) is added by the cluster layer.
/// </summary>
public static class DemoWorld
{
    /// <summary>What the demo built, for the cluster layer to put into resource groups.</summary>
    public static IReadOnlyList<DemoApplication> Layout { get; } =
    [
        new("app1", "rg1", "datavg", 60, "/data", "app1_svc", "203.0.113.21"),
        new("app2", "rg2", "appvg", 61, "/app", "app2_svc", "203.0.113.22"),
    ];

    public static void AddAixSide(SimWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (world.Nodes.Count < 2 || world.Disks.Count(d => d.Names.Count == world.Nodes.Count) < Layout.Count)
        {
            throw new InvalidOperationException("the demo needs at least two nodes and two shared disks");
        }
        var first = world.Nodes[0];
        var shared = world.Disks.Where(d => d.Names.Count == world.Nodes.Count).ToList();
        for (var i = 0; i < Layout.Count; i++)
        {
            var app = Layout[i];
            var disk = shared[i];
            Run(world, first.Name, $"mkvg -y {app.VolumeGroup} -s 64 -V {app.Major} -n -C {disk.NameOn(first.Name)}");
            Run(world, first.Name, $"varyonvg {app.VolumeGroup}");
            Run(world, first.Name, $"crfs -v jfs2 -g {app.VolumeGroup} -m {app.MountPoint} -A no -a size=2G");
            Run(world, first.Name, $"varyoffvg {app.VolumeGroup}");
            foreach (var node in world.Nodes.Skip(1))
            {
                Run(world, node.Name, $"importvg -y {app.VolumeGroup} -V {app.Major} -n {disk.Pvid}");
                Run(world, node.Name, $"chvg -a n {app.VolumeGroup}");
            }
        }
        foreach (var node in world.Nodes)
        {
            foreach (var app in Layout)
            {
                var dir = $"/usr/local/ha/{app.Name}";
                FileTree.AddDirectory(node, dir);
                Exec(node, $"{dir}/{app.Name}d", $"#!sim-daemon {app.Name}d\n# Application program of the demo: start, stop, status.\n", world.Clock);
                Exec(node, $"{dir}/start.sh", $"#!/usr/bin/ksh\n# Start script of application server {app.Name}\n{dir}/{app.Name}d start\nexit 0\n", world.Clock);
                Exec(node, $"{dir}/stop.sh", $"#!/usr/bin/ksh\n# Stop script of application server {app.Name}\n{dir}/{app.Name}d stop\nexit 0\n", world.Clock);
                Exec(node, $"{dir}/monitor.sh", $"#!/usr/bin/ksh\n# Custom monitor of application {app.Name}: exit 0 when healthy\n{dir}/{app.Name}d status\n", world.Clock);
            }
            node.Files["/etc/hosts"].Content = WorldBuilder.Hosts(world, Layout.Select(a => (a.ServiceAddress, a.ServiceLabel)));
        }
    }

    private static void Exec(SimNode node, string path, string content, DateTime when) =>
        node.Files[path] = new SimFile { Content = content, Mode = "-rwxr-xr-x", Modified = when };

    private static void Run(SimWorld world, string node, string line)
    {
        var r = SimShell.Execute(world, node, line);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"demo setup failed on {node}: {line}: {r.Stderr}");
        }
    }
}

/// <summary>One demo application: its resource group, shared VG, file system and service label.</summary>
public sealed record DemoApplication(string Name, string ResourceGroup, string VolumeGroup, int Major, string MountPoint, string ServiceLabel, string ServiceAddress);
