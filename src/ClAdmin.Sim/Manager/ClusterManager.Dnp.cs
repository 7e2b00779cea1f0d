using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Manager;

public sealed partial class ClusterManager
{
    /// <summary>R-FO-2: the figures of every running node's RMC snapshot (IBM.Host PctTotalTimeIdle, PgSpFree in 4 KB pages
    /// as `lssrc -ls clstrmgrES` prints them, IBM.PhysicalVolume PvPctBusy). The simulated figures are set when the world
    /// is built and do not change, so the snapshot the cluster manager takes every 3 minutes holds the node's own values.</summary>
    internal static Dictionary<string, ClAdmin.Cluster.Placement.NodeMetrics> DnpFigures(SimWorld world) =>
        world.Nodes.Where(n => n.Up).ToDictionary(n => n.Name,
            n => new ClAdmin.Cluster.Placement.NodeMetrics(n.Metrics.CpuIdlePercent, n.Metrics.FreeMemoryMb * 256.0, n.Metrics.DiskBusyPercent), StringComparer.Ordinal);
}
