namespace ClAdmin.Cluster;

/// <summary>The cluster object itself (HACMPcluster). <see cref="MaxEventTime"/> and <see cref="MaxRgProcessingTime"/>
/// are the Time Until Warning (seconds): config_too_long starts after the first for an event without resource
/// group work, after their sum for one with it (semantics §4.2).</summary>
public sealed record ClusterInfo(string Name, int Id, int SettlingTime = 0, string DistributionPolicy = "node", int MaxEventTime = 180, int MaxRgProcessingTime = 180)
{
    /// <summary>The default of both halves of the Time Until Warning (180 + 180 = the 360 s of HACMP 4.x, SG24-5131 p.145).</summary>
    public const int DefaultEventTime = 180;

    /// <summary>Total time to process a resource group event before a warning is displayed.</summary>
    public int TotalEventTime => MaxEventTime + MaxRgProcessingTime;
}

/// <summary>A site (HACMPsite): a named set of nodes.</summary>
public sealed record Site(string Name, IReadOnlyList<string> Nodes, bool Dominance = false, string BackupCommunications = "none");

/// <summary>A cluster node (HACMPnode) and the path used to reach it.</summary>
public sealed record Node(string Name, string CommunicationPath);

/// <summary>How a service IP label moves between interfaces (IPAT).</summary>
public enum IpatMethod
{
    Aliasing,
    Replacement,
}

/// <summary>A network (HACMPnetwork): an IP type (ether, token, ...) or a non-IP device network (rs232, diskhb, ...).</summary>
public sealed record Network(string Name, string Type, string Netmask = "255.255.255.0", IpatMethod Ipat = IpatMethod.Aliasing, bool Public = true, string HeartbeatOffset = "")
{
    public bool IsIp => NetworkTypes.IsIp(Type);
}

/// <summary>The network types the 5.x menus offer.</summary>
public static class NetworkTypes
{
    public static readonly IReadOnlyList<string> Ip = ["ether", "token", "fddi", "atm", "hps", "ib", "XD_data", "XD_ip"];
    public static readonly IReadOnlyList<string> NonIp = ["rs232", "tmssa", "tmscsi", "diskhb", "diskhbmulti", "XD_rs232"];

    public static bool IsIp(string type) => Ip.Contains(type, StringComparer.Ordinal);
    public static bool IsKnown(string type) => IsIp(type) || NonIp.Contains(type, StringComparer.Ordinal);

    /// <summary>Normalises the case of a known type name ("ETHER" -> "ether").</summary>
    public static string? Canonical(string type) =>
        Ip.Concat(NonIp).FirstOrDefault(t => t.Equals(type, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What an IP label is for on a node.</summary>
public enum IpLabelFunction
{
    Boot,
    Service,
    Persistent,
}

/// <summary>A communication interface or device (HACMPadapter, function boot): an IP label on a node's
/// interface, or a device (/dev/tty0, /dev/hdisk2) on a non-IP network.</summary>
public sealed record Interface(string Label, string Network, string Node, string Device = "", string Address = "");

/// <summary>A service IP label (HACMPadapter, function service): kept highly available by a resource group.</summary>
public sealed record ServiceIp(string Label, string Network, string Netmask = "", string Node = "", string Address = "", string HardwareAddress = "");

/// <summary>A persistent node IP label: always on one node, never in a resource group.</summary>
public sealed record PersistentIp(string Label, string Network, string Node, string Address = "");

/// <summary>An application controller (HACMPserver; "application server" in 5.x).</summary>
public sealed record ApplicationController(string Name, string StartScript, string StopScript, string StartupMode = "background", IReadOnlyList<string>? Monitors = null)
{
    public IReadOnlyList<string> Monitors { get; init; } = Monitors ?? [];
}

public enum MonitorType
{
    Process,
    Custom,
}

/// <summary>An application monitor (HACMPmonitor), with every field of semantics §10.</summary>
public sealed record ApplicationMonitor(
    string Name,
    MonitorType Type,
    IReadOnlyList<string> Applications,
    string Mode = "longrunning",
    string Processes = "",
    string Owner = "",
    int InstanceCount = 1,
    string MonitorMethod = "",
    int MonitorInterval = 0,
    int HungSignal = 9,
    int Stabilization = 60,
    int RestartCount = 3,
    int RestartInterval = 0,
    string FailureAction = "fallover",
    string NotifyMethod = "",
    string CleanupMethod = "",
    string RestartMethod = "");

/// <summary>A shared volume group known to the cluster.</summary>
public sealed record VolumeGroup(string Name, IReadOnlyList<string> Nodes, IReadOnlyList<string> PhysicalVolumes, string Type = "original", int PartitionSize = 4, int MajorNumber = 0, bool ConcurrentCapable = false);

/// <summary>A shared file system (JFS/JFS2) on a shared volume group.</summary>
public sealed record FileSystem(string MountPoint, string VolumeGroup, string Type = "enhanced", int Size = 0, string Units = "megabytes", string LogVolume = "INLINE");

/// <summary>A resource group (HACMPgroup and its HACMPresource rows). <see cref="Resources"/> holds the
/// resource lists under their ODM/clmgr names: SERVICE_LABEL, APPLICATIONS, VOLUME_GROUP, FILESYSTEM,
/// EXPORT_FILESYSTEM, DISK, ... (see <see cref="ResourceKinds"/>).</summary>
public sealed record ResourceGroup(
    string Name,
    IReadOnlyList<string> Nodes,
    StartupPolicy Startup = StartupPolicy.OnlineOnHomeNode,
    FalloverPolicy Fallover = FalloverPolicy.NextPriorityNode,
    FallbackPolicy Fallback = FallbackPolicy.HigherPriorityNode,
    string FallbackTimer = "",
    string NodePriorityPolicy = "",
    string SitePolicy = "ignore",
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Resources = null)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Resources { get; init; } = Resources ?? new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> Resource(string kind) => Resources.TryGetValue(kind, out var v) ? v : [];

    public bool IsConcurrent => Startup == StartupPolicy.OnlineOnAllAvailableNodes;
}

/// <summary>The resource lists a group can hold, by their ODM/clmgr name.</summary>
public static class ResourceKinds
{
    public const string ServiceLabel = "SERVICE_LABEL";
    public const string Applications = "APPLICATIONS";
    public const string VolumeGroup = "VOLUME_GROUP";
    public const string ConcurrentVolumeGroup = "CONCURRENT_VOLUME_GROUP";
    public const string FileSystem = "FILESYSTEM";
    public const string Disk = "DISK";

    /// <summary>Resources holding a list of names (the other entries are single-valued options).</summary>
    public static readonly IReadOnlyList<string> Lists =
    [
        ServiceLabel, Applications, VolumeGroup, ConcurrentVolumeGroup, FileSystem, "EXPORT_FILESYSTEM",
        "EXPORT_FILESYSTEM_V4", "MOUNT_FILESYSTEM", Disk, "TAPE_RESOURCES", "COMMUNICATION_LINKS", "FAST_CONNECT_SERVICES",
    ];

    /// <summary>Group options stored as resources (one value each).</summary>
    public static readonly IReadOnlyList<string> Options =
    [
        "FORCED_VARYON", "VG_AUTO_IMPORT", "FSCHECK_TOOL", "RECOVERY_METHOD", "FS_BEFORE_IPADDR", "STABLE_STORAGE_PATH",
        "NFS_NETWORK", "WLM_PRIMARY", "WLM_SECONDARY", "MISC_DATA", "WPAR_NAME", "SSA_DISK_FENCING",
    ];

    public static bool IsKnown(string kind) => Lists.Contains(kind) || Options.Contains(kind);
}

public enum DependencyKind
{
    /// <summary>Groups = [parent, child].</summary>
    ParentChild,
    /// <summary>Groups = [source, target]: source starts after target is online.</summary>
    StartAfter,
    /// <summary>Groups = [source, target]: source stops after target is offline.</summary>
    StopAfter,
    OnlineOnSameNode,
    OnlineOnSameSite,
    /// <summary>Groups = the high, intermediate then low priority groups (see the counts).</summary>
    OnlineOnDifferentNodes,
}

/// <summary>A resource group dependency (HACMPrgdependency / HACMPrg_loc_dependency).</summary>
public sealed record Dependency(DependencyKind Kind, IReadOnlyList<string> Groups, int HighCount = 0, int IntermediateCount = 0);

/// <summary>A file collection (HACMPfilecollection) and its files.</summary>
public sealed record FileCollection(string Name, string Description, bool SyncWithCluster, bool SyncWhenChanged, IReadOnlyList<string> Files);

/// <summary>A delayed fallback timer policy.</summary>
public sealed record FallbackTimer(string Name, string Repeats, int Year = 0, int Month = 0, int DayOfMonth = 0, int DayOfWeek = 0, int Hour = 0, int Minute = 0);

/// <summary>A custom cluster event (HACMPcustom; SMIT "Add a Custom Cluster Event"): a named script that
/// predefined events name as their pre- or post-event commands.</summary>
public sealed record CustomEvent(string Name, string Description, string File);

/// <summary>The methods configured on a predefined cluster event (HACMPevent; SMIT "Change/Show Pre-Defined
/// HACMP Events"). The cluster manager runs them in the order notify(start), pre-event commands, the event
/// command, post-event commands, notify(complete); the recovery command when the event command fails, then
/// the event again, up to <see cref="RecoveryCounter"/> times (semantics §4.1, R-EVT). <see cref="Pre"/> and
/// <see cref="Post"/> name custom events (<see cref="CustomEvent"/>). Only events with a method set are
/// kept; the others run bare.</summary>
public sealed record ClusterEvent(string Name, string Notify = "", IReadOnlyList<string>? Pre = null, IReadOnlyList<string>? Post = null, string Recovery = "", int RecoveryCounter = 0)
{
    public IReadOnlyList<string> Pre { get; init; } = Pre ?? [];

    public IReadOnlyList<string> Post { get; init; } = Post ?? [];

    /// <summary>Whether any method is set (an event without one is not stored).</summary>
    public bool HasMethods => Notify.Length > 0 || Pre.Count > 0 || Post.Count > 0 || Recovery.Length > 0 || RecoveryCounter != 0;
}

/// <summary>One whole cluster configuration: what the DCD (or the ACD) holds.</summary>
public sealed record ClusterConfiguration
{
    public ClusterInfo? Cluster { get; init; }
    public IReadOnlyList<Site> Sites { get; init; } = [];
    public IReadOnlyList<Node> Nodes { get; init; } = [];
    public IReadOnlyList<Network> Networks { get; init; } = [];
    public IReadOnlyList<Interface> Interfaces { get; init; } = [];
    public IReadOnlyList<ServiceIp> ServiceIps { get; init; } = [];
    public IReadOnlyList<PersistentIp> PersistentIps { get; init; } = [];
    public IReadOnlyList<ApplicationController> ApplicationControllers { get; init; } = [];
    public IReadOnlyList<ApplicationMonitor> ApplicationMonitors { get; init; } = [];
    public IReadOnlyList<VolumeGroup> VolumeGroups { get; init; } = [];
    public IReadOnlyList<FileSystem> FileSystems { get; init; } = [];
    public IReadOnlyList<ResourceGroup> ResourceGroups { get; init; } = [];
    public IReadOnlyList<Dependency> Dependencies { get; init; } = [];
    public IReadOnlyList<FileCollection> FileCollections { get; init; } = [];
    public IReadOnlyList<FallbackTimer> FallbackTimers { get; init; } = [];
    public IReadOnlyList<ClusterEvent> Events { get; init; } = [];
    public IReadOnlyList<CustomEvent> CustomEvents { get; init; } = [];

    /// <summary>The network modules whose heartbeat tuning was changed (HACMPnim); the others run at Normal (§7.5).</summary>
    public IReadOnlyList<NetworkModule> NetworkModules { get; init; } = [];

    public static ClusterConfiguration Empty { get; } = new();

    /// <summary>Every IP label or device label defined anywhere, with what it is.</summary>
    public IEnumerable<(string Label, IpLabelFunction Function)> Labels =>
        Interfaces.Select(i => (i.Label, IpLabelFunction.Boot))
            .Concat(ServiceIps.Select(s => (s.Label, IpLabelFunction.Service)))
            .Concat(PersistentIps.Select(p => (p.Label, IpLabelFunction.Persistent)));

    /// <summary>The cluster resources counted against <see cref="Limits.MaxResources"/>.</summary>
    public int ResourceCount =>
        ServiceIps.Count + ApplicationControllers.Count + VolumeGroups.Count + FileSystems.Count
        + ResourceGroups.Sum(g => g.Resources.Where(r => r.Key is ResourceKinds.Disk or "TAPE_RESOURCES" or "EXPORT_FILESYSTEM" or "EXPORT_FILESYSTEM_V4" or "COMMUNICATION_LINKS").Sum(r => r.Value.Count));
}
