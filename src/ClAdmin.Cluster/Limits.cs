namespace ClAdmin.Cluster;

/// <summary>Configuration limits of HACMP 5.x (semantics §9.5; the HACMP notes in the seeds).</summary>
public static class Limits
{
    public const int MaxNodes = 32;
    public const int MaxNetworks = 48;
    public const int MaxResourceGroups = 64;
    /// <summary>Cluster resources: service IP labels, application controllers, volume groups,
    /// file systems and the other resources placed in groups, counted cluster-wide.</summary>
    public const int MaxResources = 128;
    public const int MinClusterId = 1;
    public const int MaxClusterId = 99999;
    public const int MaxNameLength = 64;
    public const int MaxClusterNameLength = 31;
    public const int MaxSnapshotDescription = 255;
    /// <summary>Parent/child nesting depth (commonly quoted as three levels).</summary>
    public const int MaxDependencyDepth = 3;
}
