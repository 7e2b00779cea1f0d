using ClAdmin.Sim;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Tests;

/// <summary>A two-node, three-disk world with the identities of the reference samples
/// (PVIDs of aix-commands.md §1.1), so golden files can be written from the reference.
/// node1 sees lun01..03 as hdisk1..3; node2 sees them as hdisk2, hdisk3, hdisk1.</summary>
internal static class TestWorld
{
    public static SimWorld Create()
    {
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 3, Seed: 7));
        world.Nodes[0].MachineId = "00f6f42a";
        world.Nodes[1].MachineId = "00f6f42b";
        world.FindDisk("node1-rootdisk")!.Pvid = "00f6f42a8a0d7a9c";
        Disk(world, "lun01", "00f6f42a9b1e2c33", "hdisk1", "hdisk2");
        Disk(world, "lun02", "00f6f42a9b1e2d87", "hdisk2", "hdisk3");
        Disk(world, "lun03", "00f6f42a9c00aa10", "hdisk3", "hdisk1");
        return world;
    }

    private static void Disk(SimWorld world, string id, string pvid, string onNode1, string onNode2)
    {
        var d = world.FindDisk(id)!;
        d.Pvid = pvid;
        d.Names["node1"] = onNode1;
        d.Names["node2"] = onNode2;
    }

    /// <summary>Runs a line and insists it succeeds; returns stdout.</summary>
    public static string Ok(this SimWorld world, string node, string line, string stdin = "")
    {
        var r = SimShell.Execute(world, node, line, stdin);
        Assert.True(r.Reachable, $"{node} unreachable for: {line}");
        Assert.True(r.ExitCode == 0, $"{node}: {line} exited {r.ExitCode}: {r.Stderr}");
        return r.Stdout;
    }

    public static ShellResult Run(this SimWorld world, string node, string line, string stdin = "") =>
        SimShell.Execute(world, node, line, stdin);

    /// <summary>The golden file's text, with placeholders replaced by run-time identities.</summary>
    public static string Golden(string name, params (string Placeholder, string Value)[] values)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name));
        foreach (var (p, v) in values)
        {
            text = text.Replace(p, v, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>node1 with datavg (enhanced concurrent, hdisk1 hdisk2, major 60) varied on in
    /// concurrent mode and /data (2 GB) mounted at 10:02.</summary>
    public static SimWorld WithDataVg()
    {
        var world = Create();
        world.Ok("node1", "mkvg -y datavg -s 64 -V 60 -n -C hdisk1 hdisk2");
        world.Ok("node1", "varyonvg -c datavg");
        world.Ok("node1", "crfs -v jfs2 -g datavg -m /data -a size=2G");
        world.Clock = world.Clock.AddMinutes(62);
        world.Ok("node1", "mount /data");
        return world;
    }

    public static string VgId(this SimWorld world, string node, string vg) => world.FindNode(node)!.FindVgByName(vg)!.VgId;
}
