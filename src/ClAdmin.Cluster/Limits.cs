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
    /// <summary>The longest IP label or host name (R-NAME-2).</summary>
    public const int MaxLabelLength = 255;
    /// <summary>The longest script, method or mount point path (AIX's PATH_MAX, 1023).</summary>
    public const int MaxPathLength = 1023;
    /// <summary>The longest free text value: a description, miscellaneous data.</summary>
    public const int MaxTextLength = 255;
    /// <summary>The longest word value: a process, disk or owner name, a keyword.</summary>
    public const int MaxWordLength = 255;
    /// <summary>The longest alternate hardware (MAC) address, in hexadecimal digits and separators.</summary>
    public const int MaxHardwareAddressLength = 64;
    /// <summary>Parent/child nesting depth (commonly quoted as three levels).</summary>
    public const int MaxDependencyDepth = 3;
}
