namespace ClAdmin.Sim.Model;

/// <summary>
/// A physical disk (LUN). Shared disks are visible to several nodes, possibly under different
/// hdisk names; a node's rootvg disk is visible to that node only. The PVID is written on the
/// disk itself, so it is the same wherever the disk is seen.
/// </summary>
public sealed class SimDisk
{
    /// <summary>Stable identity in the simulator (lun01..., or node1-rootdisk).</summary>
    public string Id { get; set; } = "";

    /// <summary>16 lower-case hex digits, or null when the disk has none.</summary>
    public string? Pvid { get; set; }

    public int SizeMb { get; set; }

    /// <summary>hdisk name per node that sees the disk.</summary>
    public SortedDictionary<string, string> Names { get; init; } = new(StringComparer.Ordinal);

    /// <summary>VGID of the VG whose descriptor area is on this disk, if any.</summary>
    public string? VgId { get; set; }

    /// <summary>Injected fault: every I/O to the disk fails.</summary>
    public bool Failed { get; set; }

    public string Description { get; set; } = "MPIO FC 2145";

    public string Location { get; set; } = "";

    public string ReservePolicy { get; set; } = "no_reserve";

    /// <summary>Size the volume group's descriptor area records for the disk, when the LUN has grown
    /// since (null: the disk's size). <c>chvg -g</c> takes the new size into the volume group.</summary>
    public int? VgdaSizeMb { get; set; }

    /// <summary>Nodes where the disk is not configured: "Defined" (rmdev) or "deleted" (rmdev -d,
    /// hidden until cfgmgr finds it again).</summary>
    public SortedDictionary<string, string> Unconfigured { get; init; } = new(StringComparer.Ordinal);

    public string? NameOn(string node) => Names.TryGetValue(node, out var n) ? n : null;
}

/// <summary>
/// A volume group as its descriptor area (VGDA) on the disks describes it: the truth every node
/// reads when it imports. Per-node knowledge (name, major, varyon state) is in
/// <see cref="NodeVolumeGroup"/>.
/// </summary>
public sealed class VolumeGroup
{
    /// <summary>32 hex digits.</summary>
    public string VgId { get; set; } = "";

    /// <summary>The name written at creation (importvg without -y generates one instead).</summary>
    public string Name { get; set; } = "";

    public int PpSizeMb { get; set; }

    /// <summary>Created with mkvg -C (or converted with chvg -C).</summary>
    public bool EnhancedConcurrent { get; set; }

    public bool Quorum { get; set; } = true;

    /// <summary>Member disks (SimDisk ids) in order.</summary>
    public List<string> Disks { get; init; } = [];

    public List<LogicalVolume> LogicalVolumes { get; init; } = [];

    /// <summary>Bumped on every metadata change; importvg -L compares it with a node's copy.</summary>
    public int Timestamp { get; set; }

    /// <summary>SCSI reservation held by a node with a non-concurrent varyon (null when none).</summary>
    public string? ReservedBy { get; set; }

    /// <summary>chvg -s: stale partitions are synchronized automatically (lsvg AUTO SYNC).</summary>
    public bool AutoSync { get; set; }

    /// <summary>chvg -h: hot spare policy (lsvg HOT SPARE: no, yes, Yes).</summary>
    public string HotSpare { get; set; } = "no";

    public LogicalVolume? FindLv(string name) => LogicalVolumes.Find(l => l.Name == name);
}

/// <summary>A logical volume and, when it holds one, its file system.</summary>
public sealed class LogicalVolume
{
    public string Name { get; set; } = "";

    /// <summary>jfs2, jfs2log, jfs, jfslog, paging, boot, sysdump, raw.</summary>
    public string Type { get; set; } = "jfs";

    public int Lps { get; set; }

    /// <summary>Physical partitions used per disk id.</summary>
    public SortedDictionary<string, int> PpsByDisk { get; init; } = new(StringComparer.Ordinal);

    public int Minor { get; set; }

    public int MaxLps { get; set; } = 512;

    /// <summary>File-system label (mount point) written by crfs; null for raw LVs.</summary>
    public string? Label { get; set; }

    /// <summary>File-system size in 512-byte blocks (0 when the LV holds no file system).</summary>
    public long FsSizeBlocks { get; set; }

    /// <summary>Blocks used inside the file system (df).</summary>
    public long FsUsedBlocks { get; set; }

    public int FsUsedInodes { get; set; }

    /// <summary>The second and third copies (mklvcopy, mirrorvg): physical partitions per disk id of
    /// each; <see cref="PpsByDisk"/> is the first copy.</summary>
    public List<SortedDictionary<string, int>> Mirrors { get; init; } = [];

    /// <summary>Physical partitions of the copies not synchronized yet (mklvcopy without -k, mirrorvg -s).</summary>
    public int StalePps { get; set; }

    /// <summary>Attributes chlv set, by chlv flag letter (a, e, u, w, s, r, b, d, v, o), for lslv.</summary>
    public SortedDictionary<string, string> Policies { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Copies of each logical partition (lslv COPIES).</summary>
    public int CopyCount() => 1 + Mirrors.Count;

    /// <summary>Every copy: the first, then the mirrors.</summary>
    public IEnumerable<SortedDictionary<string, int>> AllCopies() => Mirrors.Prepend(PpsByDisk);

    /// <summary>Physical partitions on one disk, every copy counted.</summary>
    public int PpsOn(string diskId) => AllCopies().Sum(c => c.TryGetValue(diskId, out var n) ? n : 0);

    /// <summary>Physical partitions of every copy.</summary>
    public int TotalPps() => AllCopies().Sum(c => c.Values.Sum());

    /// <summary>Disks holding a partition of any copy.</summary>
    public IEnumerable<string> DiskIds() => AllCopies().SelectMany(c => c.Keys).Distinct();
}

/// <summary>What one node's ODM knows of a VG, and whether it has it varied on.</summary>
public sealed class NodeVolumeGroup
{
    public string Name { get; set; } = "";

    public string VgId { get; set; } = "";

    public int Major { get; set; }

    public bool AutoOn { get; set; }

    public VaryState State { get; set; }

    /// <summary>Varied on with -c (concurrent mode of an enhanced concurrent VG).</summary>
    public bool ConcurrentMode { get; set; }

    /// <summary>Descriptor-area timestamp this node's ODM was built from (lazy update).</summary>
    public int OdmTimestamp { get; set; }

    /// <summary>When varied on: order of the varyon on this node (lsvg -o).</summary>
    public int VaryOnOrder { get; set; }
}

/// <summary>Varyon state of a VG on one node.</summary>
public enum VaryState
{
    Off,
    /// <summary>Varied on read/write (non-concurrent, or enhanced concurrent in active mode).</summary>
    Active,
    /// <summary>Enhanced concurrent VG varied on in passive mode: no mounts, no LV opens.</summary>
    Passive,
}

/// <summary>One /etc/filesystems stanza.</summary>
public sealed class FsStanza
{
    public string MountPoint { get; set; } = "";

    public string Dev { get; set; } = "";

    public string Vfs { get; set; } = "jfs2";

    public string Log { get; set; } = "";

    /// <summary>"true", "false" or "automatic".</summary>
    public string Mount { get; set; } = "false";

    public string Options { get; set; } = "rw";

    public string Account { get; set; } = "false";

    /// <summary>True for pseudo file systems (/proc) that have no LV.</summary>
    public bool Pseudo { get; set; }
}

/// <summary>A mounted file system.</summary>
public sealed class MountEntry
{
    public string Device { get; set; } = "";

    public string MountPoint { get; set; } = "";

    public string Vfs { get; set; } = "jfs2";

    public DateTime When { get; set; }

    public string Options { get; set; } = "rw";
}
