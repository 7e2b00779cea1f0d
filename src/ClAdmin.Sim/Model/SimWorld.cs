namespace ClAdmin.Sim.Model;

/// <summary>
/// The whole simulated site as plain data: nodes, shared disks with their volume-group
/// descriptor areas, networks, the clock and the faults in force. Serialised whole with
/// <see cref="WorldJson"/>; nothing here refers to anything outside the document, so a world
/// saved by one `cladmin` run is the same world for the next.
/// </summary>
public sealed class SimWorld
{
    /// <summary>Document format; bumped when the shape changes incompatibly.</summary>
    public int Format { get; set; } = 1;

    public int Seed { get; set; }

    /// <summary>The simulated wall clock (local time of the site, shown as <see cref="TimeZone"/>).</summary>
    public DateTime Clock { get; set; }

    public string TimeZone { get; set; } = "CDT";

    /// <summary>Next process id handed out by a simulated node (deterministic, never reused).</summary>
    public int NextPid { get; set; } = 3080798;

    /// <summary>Counter for VG identifiers and PVIDs created at run time.</summary>
    public int NextSerial { get; set; } = 1;

    public List<SimNode> Nodes { get; init; } = [];

    public List<SimDisk> Disks { get; init; } = [];

    public List<VolumeGroup> VolumeGroups { get; init; } = [];

    public List<IpNetwork> Networks { get; init; } = [];

    public List<NonIpLink> NonIpLinks { get; init; } = [];

    /// <summary>Faults currently injected (also reflected in the objects they affect).</summary>
    public List<SimFault> Faults { get; init; } = [];

    /// <summary>The simulated cluster managers' state: events, resource groups, mode.</summary>
    public ClusterRuntime Cluster { get; init; } = new();

    public SimNode? FindNode(string name) =>
        Nodes.Find(n => string.Equals(n.Name, name, StringComparison.Ordinal));

    public SimDisk? FindDisk(string id) => Disks.Find(d => d.Id == id);

    public VolumeGroup? FindVg(string vgId) => VolumeGroups.Find(v => v.VgId == vgId);

    public int TakePid()
    {
        var pid = NextPid;
        NextPid += 131072 + (pid % 8191);
        return pid;
    }
}
