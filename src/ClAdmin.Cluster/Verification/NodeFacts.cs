namespace ClAdmin.Cluster.Verification;

/// <summary>One /etc/hosts line's meaning for one label: the label (or an alias) and its address.</summary>
public sealed record HostsEntry(string Address, string Label);

/// <summary>A configured network interface of a node (netstat -in / ifconfig -a): one address each.</summary>
public sealed record InterfaceFact(string Name, string Address, string Netmask);

/// <summary>A volume group imported on a node: its major number, whether AIX varies it on at boot
/// (lsvg "AUTO ON"), and whether it is enhanced concurrent capable.</summary>
public sealed record VolumeGroupFact(string Name, int Major, bool AutoVaryon, bool EnhancedConcurrent);

/// <summary>A file system defined on a node (/etc/filesystems, lsfs -c) and whether AIX mounts it at boot.</summary>
public sealed record FileSystemFact(string MountPoint, bool AutoMount);

/// <summary>A physical volume a node sees (lspv): its hdisk name there, its PVID ("none" when it has
/// none) and the volume group it belongs to on that node ("None" when none).</summary>
public sealed record DiskFact(string Name, string Pvid, string VolumeGroup);

/// <summary>A file on a node: whether it exists and whether it is executable (application scripts).</summary>
public sealed record FileFact(string Path, bool Exists, bool Executable);

/// <summary>
/// What verification gathered from one node: its /etc/hosts entries, interfaces, imported
/// volume groups, the application scripts it was asked about, and the level of the HACMP server
/// fileset (null when not installed). A node that could not be reached has no facts at all.
/// </summary>
public sealed record NodeFacts(string Node)
{
    public IReadOnlyList<HostsEntry> Hosts { get; init; } = [];
    public IReadOnlyList<InterfaceFact> Interfaces { get; init; } = [];
    public IReadOnlyList<VolumeGroupFact> VolumeGroups { get; init; } = [];
    public IReadOnlyList<FileFact> Files { get; init; } = [];
    public IReadOnlyList<FileSystemFact> FileSystems { get; init; } = [];
    /// <summary>The level of cluster.es.server.rte, or null when it is not installed.</summary>
    public string? FilesetLevel { get; init; }
    /// <summary>The physical volumes the node sees (lspv); empty when lspv could not be run.</summary>
    public IReadOnlyList<DiskFact> Disks { get; init; } = [];
    /// <summary>The cluster manager's state (lssrc -ls clstrmgrES: ST_INIT, ST_STABLE...), or null when unknown.</summary>
    public string? ManagerState { get; init; }

    /// <summary>Whether cluster services run on the node: the cluster manager is in a state other than ST_INIT or NOT_CONFIGURED.</summary>
    public bool ServicesActive => ManagerState is { Length: > 0 } s && s is not ("ST_INIT" or "NOT_CONFIGURED");

    public VolumeGroupFact? VolumeGroup(string name) => VolumeGroups.FirstOrDefault(v => v.Name == name);

    public FileFact? File(string path) => Files.FirstOrDefault(f => f.Path == path);

    public FileSystemFact? FileSystem(string mountPoint) => FileSystems.FirstOrDefault(f => f.MountPoint == mountPoint);
}
