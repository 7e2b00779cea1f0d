namespace ClAdmin.Cluster;

/// <summary>When a resource group comes online (semantics R-SU-1..4).</summary>
public enum StartupPolicy
{
    /// <summary>OHN: Online On Home Node Only.</summary>
    OnlineOnHomeNode,
    /// <summary>OFAN: Online On First Available Node.</summary>
    OnlineOnFirstAvailableNode,
    /// <summary>OUDP: Online Using Distribution Policy.</summary>
    OnlineUsingDistributionPolicy,
    /// <summary>OAAN: Online On All Available Nodes (a concurrent group).</summary>
    OnlineOnAllAvailableNodes,
}

/// <summary>Where a resource group goes when its node fails (R-FO-1..3).</summary>
public enum FalloverPolicy
{
    /// <summary>FNPN: Fallover To Next Priority Node In The List.</summary>
    NextPriorityNode,
    /// <summary>FUDNP: Fallover Using Dynamic Node Priority.</summary>
    DynamicNodePriority,
    /// <summary>BO: Bring Offline (On Error Node Only).</summary>
    BringOffline,
}

/// <summary>What happens when a higher-priority node joins (R-FB-1..2).</summary>
public enum FallbackPolicy
{
    /// <summary>FBHPN: Fallback To Higher Priority Node In The List.</summary>
    HigherPriorityNode,
    /// <summary>NFB: Never Fallback.</summary>
    NeverFallback,
}

/// <summary>The short codes clmgr, clRGinfo -s and the ODM use for the policies, and their SMIT labels.</summary>
public static class PolicyCodes
{
    private static readonly (StartupPolicy Policy, string Code, string Label)[] Startups =
    [
        (StartupPolicy.OnlineOnHomeNode, "OHN", "Online On Home Node Only"),
        (StartupPolicy.OnlineOnFirstAvailableNode, "OFAN", "Online On First Available Node"),
        (StartupPolicy.OnlineUsingDistributionPolicy, "OUDP", "Online Using Distribution Policy"),
        (StartupPolicy.OnlineOnAllAvailableNodes, "OAAN", "Online On All Available Nodes"),
    ];

    private static readonly (FalloverPolicy Policy, string Code, string Label)[] Fallovers =
    [
        (FalloverPolicy.NextPriorityNode, "FNPN", "Fallover To Next Priority Node In The List"),
        (FalloverPolicy.DynamicNodePriority, "FUDNP", "Fallover Using Dynamic Node Priority"),
        (FalloverPolicy.BringOffline, "BO", "Bring Offline (On Error Node Only)"),
    ];

    private static readonly (FallbackPolicy Policy, string Code, string Label)[] Fallbacks =
    [
        (FallbackPolicy.HigherPriorityNode, "FBHPN", "Fallback To Higher Priority Node In The List"),
        (FallbackPolicy.NeverFallback, "NFB", "Never Fallback"),
    ];

    public static IEnumerable<string> StartupCodes => Startups.Select(s => s.Code);
    public static IEnumerable<string> FalloverCodes => Fallovers.Select(s => s.Code);
    public static IEnumerable<string> FallbackCodes => Fallbacks.Select(s => s.Code);

    public static string Code(StartupPolicy p) => Startups.Single(s => s.Policy == p).Code;
    public static string Code(FalloverPolicy p) => Fallovers.Single(s => s.Policy == p).Code;
    public static string Code(FallbackPolicy p) => Fallbacks.Single(s => s.Policy == p).Code;
    public static string Label(StartupPolicy p) => Startups.Single(s => s.Policy == p).Label;
    public static string Label(FalloverPolicy p) => Fallovers.Single(s => s.Policy == p).Label;
    public static string Label(FallbackPolicy p) => Fallbacks.Single(s => s.Policy == p).Label;

    /// <summary>Parses a startup code (OHN; OHNO as the semantics reference spells it) case-insensitively.</summary>
    public static StartupPolicy? ParseStartup(string text) =>
        text.Equals("OHNO", StringComparison.OrdinalIgnoreCase) ? StartupPolicy.OnlineOnHomeNode
        : Startups.Where(s => s.Code.Equals(text, StringComparison.OrdinalIgnoreCase) || s.Label.Equals(text, StringComparison.OrdinalIgnoreCase))
            .Select(s => (StartupPolicy?)s.Policy).FirstOrDefault();

    public static FalloverPolicy? ParseFallover(string text) =>
        Fallovers.Where(s => s.Code.Equals(text, StringComparison.OrdinalIgnoreCase) || s.Label.Equals(text, StringComparison.OrdinalIgnoreCase))
            .Select(s => (FalloverPolicy?)s.Policy).FirstOrDefault();

    public static FallbackPolicy? ParseFallback(string text) =>
        Fallbacks.Where(s => s.Code.Equals(text, StringComparison.OrdinalIgnoreCase) || s.Label.Equals(text, StringComparison.OrdinalIgnoreCase))
            .Select(s => (FallbackPolicy?)s.Policy).FirstOrDefault();
}

/// <summary>The resource group types of HACMP 5.1 and earlier.</summary>
public enum LegacyGroupType
{
    Cascading,
    Rotating,
    Concurrent,
}

/// <summary>The three policies of a custom resource group.</summary>
public sealed record PolicySet(StartupPolicy Startup, FalloverPolicy Fallover, FallbackPolicy Fallback);

/// <summary>Maps a legacy group to custom policies (semantics §1.5).</summary>
public static class LegacyPolicies
{
    /// <param name="inactiveTakeover">Cascading only: the first node of the chain to join acquires the group.</param>
    /// <param name="cascadingWithoutFallback">Cascading only (CWOF): never release to a rejoining higher-priority node.</param>
    public static PolicySet Map(LegacyGroupType type, bool inactiveTakeover = false, bool cascadingWithoutFallback = false) => type switch
    {
        LegacyGroupType.Cascading => new PolicySet(
            inactiveTakeover ? StartupPolicy.OnlineOnFirstAvailableNode : StartupPolicy.OnlineOnHomeNode,
            FalloverPolicy.NextPriorityNode,
            cascadingWithoutFallback ? FallbackPolicy.NeverFallback : FallbackPolicy.HigherPriorityNode),
        LegacyGroupType.Rotating => new PolicySet(StartupPolicy.OnlineUsingDistributionPolicy, FalloverPolicy.NextPriorityNode, FallbackPolicy.NeverFallback),
        LegacyGroupType.Concurrent => new PolicySet(StartupPolicy.OnlineOnAllAvailableNodes, FalloverPolicy.BringOffline, FallbackPolicy.NeverFallback),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
