using System.Globalization;
using System.Text;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim;

/// <summary>`cladmin sim status`: one screen with nodes, interfaces, shared disks, VGs, who has
/// what varied on and mounted, and the faults in force.</summary>
public static class SimStatus
{
    public static string Render(SimWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(s).Append('\n');
        Line(string.Create(CultureInfo.InvariantCulture, $"Simulated world  seed {world.Seed}  clock {world.Clock:yyyy-MM-dd HH:mm:ss} {world.TimeZone}"));
        Line("");
        Line("NODE      STATE  CLSTRMGR        CPU% IDLE  FREE MB  DISK% BUSY  INTERFACES");
        foreach (var n in world.Nodes)
        {
            var nics = string.Join(' ', n.Interfaces.Select(i => $"{i.Name}={i.Addresses[0].Address}{(Reachability.InterfaceWorks(world, i) ? "" : "(down)")}{(i.Addresses.Count > 1 ? "+" + (i.Addresses.Count - 1) : "")}"));
            Line(string.Create(CultureInfo.InvariantCulture, $"{n.Name,-9} {(n.Up ? "up" : "DOWN"),-6} {n.ClusterManagerState,-15} {n.Metrics.CpuIdlePercent,9} {n.Metrics.FreeMemoryMb,8} {n.Metrics.DiskBusyPercent,11}  {nics}"));
        }
        Line("");
        Line("NETWORK          TYPE    STATE  SUBNETS / NODES");
        foreach (var net in world.Networks)
        {
            Line($"{net.Name,-16} {net.Type,-7} {(net.Failed ? "DOWN" : "up"),-6} {string.Join(' ', net.Subnets)}");
        }
        foreach (var link in world.NonIpLinks)
        {
            Line($"{link.Name,-16} {link.Type,-7} {(link.Failed ? "DOWN" : "up"),-6} {string.Join('-', link.Nodes)} via {link.Device}");
        }
        Line("");
        var shared = world.Disks.Where(d => d.Names.Count > 1 || !d.Id.EndsWith("-rootdisk", StringComparison.Ordinal)).ToList();
        Line("DISK    PVID              STATE   VG         HDISK PER NODE");
        foreach (var d in shared)
        {
            var vg = d.VgId is { } id ? world.FindVg(id)?.Name ?? "?" : "-";
            Line($"{d.Id,-7} {d.Pvid ?? "none",-17} {(d.Failed ? "FAILED" : "ok"),-7} {vg,-10} {string.Join(' ', d.Names.Select(kv => $"{kv.Key}:{kv.Value}"))}");
        }
        Line("");
        Line("VOLUME GROUP  TYPE        NODES (state, major)");
        foreach (var vg in world.VolumeGroups.Where(v => v.Name != "rootvg"))
        {
            var per = world.Nodes.Select(n => (n, nvg: n.FindVgById(vg.VgId))).Where(x => x.nvg is not null)
                .Select(x => $"{x.n.Name}={StateText(x.nvg!)}/{x.nvg!.Major}{Mounted(world, x.n, vg)}");
            Line($"{vg.Name,-13} {(vg.EnhancedConcurrent ? "enh-conc" : "normal"),-11} {string.Join(' ', per)}");
        }
        Line("");
        Line(world.Faults.Count == 0 ? "FAULTS: none" : "FAULTS: " + string.Join(", ", world.Faults.Select(f => $"{f.Kind} {f.Target} (since {f.Since:HH:mm:ss})")));
        return sb.ToString();
    }

    private static string StateText(NodeVolumeGroup nvg) => nvg.State switch
    {
        VaryState.Active => nvg.ConcurrentMode ? "active(c)" : "active",
        VaryState.Passive => "passive",
        _ => "off",
    };

    private static string Mounted(SimWorld world, SimNode node, VolumeGroup vg)
    {
        var mounts = node.Mounts.Where(m => m.Device.Length > 5 && vg.FindLv(m.Device[5..]) is not null).Select(m => m.MountPoint).ToList();
        return mounts.Count == 0 ? "" : "[" + string.Join(',', mounts) + "]";
    }
}
