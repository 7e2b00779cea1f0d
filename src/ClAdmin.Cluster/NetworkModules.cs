namespace ClAdmin.Cluster;

/// <summary>A network module's heartbeat tuning (HACMPnim): the interval between heartbeats, the
/// failure cycle (heartbeats missed before an adapter is declared down) and the grace period.</summary>
public sealed record NetworkModule(string Type, double Interval, int FailureCycle, int GracePeriod = 60)
{
    /// <summary>Failure detection time = failure cycle x interval x 2 (semantics §7.5 [2ND, unixhealthcheck]).</summary>
    public TimeSpan DetectionTime => TimeSpan.FromSeconds(2 * FailureCycle * Interval);
}

/// <summary>
/// The predefined failure detection rates of the network modules (semantics §7.5, "Change a Network
/// Module using Predefined Values"), as data: ether Normal 10 x 1 s x 2 = 20 s and diskhb Normal
/// 4 x 2 s x 2 = 16 s are [2ND]; ether Fast 10 s and Slow 48 s are [2ND] totals whose split into
/// interval and cycle is [RECONSTRUCTED]; diskhb Fast/Slow and every other module are [UNVERIFIED]
/// (semantics open question 7) and take ether's figures. The grace period (60 s) is [UNVERIFIED].
/// </summary>
public static class NetworkModules
{
    /// <summary>The rates a module can be set to, as clmgr takes them.</summary>
    public static readonly IReadOnlyList<string> Rates = ["normal", "fast", "slow"];

    private static readonly Dictionary<(string Type, string Rate), NetworkModule> Table = new()
    {
        [("ether", "normal")] = new("ether", 1, 10),
        [("ether", "fast")] = new("ether", 1, 5),
        [("ether", "slow")] = new("ether", 2, 12),
        [("diskhb", "normal")] = new("diskhb", 2, 4),
        [("diskhb", "fast")] = new("diskhb", 1, 4),
        [("diskhb", "slow")] = new("diskhb", 3, 4),
    };

    /// <summary>The module of <paramref name="type"/> at a predefined <paramref name="rate"/> (normal, fast, slow).</summary>
    public static NetworkModule Predefined(string type, string rate = "normal")
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(rate);
        var r = rate.ToLowerInvariant();
        return Table.TryGetValue((type, r), out var m) ? m
            : (Table.TryGetValue(("ether", r), out var e) ? e : Table[("ether", "normal")]) with { Type = type };
    }

    /// <summary>The predefined rate <paramref name="module"/> runs at (its interval and failure cycle), else "custom".</summary>
    public static string RateOf(NetworkModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return Rates.FirstOrDefault(r => Predefined(module.Type, r) is var p
            && Math.Abs(p.Interval - module.Interval) < 1e-9 && p.FailureCycle == module.FailureCycle) ?? "custom";
    }

    /// <summary>The module that heartbeats on networks of <paramref name="type"/>: the configuration's tuning, else Normal.</summary>
    public static NetworkModule Of(ClusterConfiguration? config, string type) =>
        config?.NetworkModules.FirstOrDefault(m => m.Type == type) ?? Predefined(type);
}
