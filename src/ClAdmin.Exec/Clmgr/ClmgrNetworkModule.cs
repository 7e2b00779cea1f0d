using System.Globalization;
using ClAdmin.Cluster;

namespace ClAdmin.Exec.Clmgr;

/// <summary>
/// The network modules (HACMPnim, semantics §7.5): the heartbeat tuning of each network type. The "Change a
/// Network Module using Predefined Values" dialog (cm_chg_nim_predefined) builds
/// <c>clmgr modify network_module FAILURE_RATE='fast' ether</c>, the "Custom Values" one (cm_chg_nim_custom)
/// <c>clmgr modify network_module HB_INTERVAL='2' FAILURE_CYCLE='5' GRACE_PERIOD='60' ether</c>; a synchronization
/// then makes the nodes use it. Query lists every module type with its tuning and its rate (normal, fast, slow,
/// or custom). A module is part of the product: it is neither added nor deleted.
/// </summary>
public sealed class NetworkModuleClass() : ClmgrClass("network_module", "nm", "nim")
{
    public override IReadOnlyList<string> Settable => ["FAILURE_RATE", "HB_INTERVAL", "FAILURE_CYCLE", "GRACE_PERIOD"];

    public override IEnumerable<(string Name, IReadOnlyList<(string Attr, string Value)> Attributes)> Query(ClusterConfiguration c) =>
        NetworkTypes.Ip.Concat(NetworkTypes.NonIp).Select(t => (t, Describe(NetworkModules.Of(c, t))));

    private static IReadOnlyList<(string, string)> Describe(NetworkModule m) =>
    [
        ("NAME", m.Type),
        ("FAILURE_RATE", NetworkModules.RateOf(m)),
        ("HB_INTERVAL", m.Interval.ToString(CultureInfo.InvariantCulture)),
        ("FAILURE_CYCLE", m.FailureCycle.ToString(CultureInfo.InvariantCulture)),
        ("GRACE_PERIOD", m.GracePeriod.ToString(CultureInfo.InvariantCulture)),
        ("DETECTION_TIME", m.DetectionTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)),
    ];

    public override ClusterConfiguration Add(ClusterConfiguration c, string? name, ClmgrAttributes a) =>
        throw new ClmgrException(ClmgrRc.IncorrectInput, "the \"add\" action is not available for the \"network_module\" class: every network type has its module; modify it.");

    public override ClusterConfiguration Delete(ClusterConfiguration c, string? name, ClmgrAttributes a) =>
        throw new ClmgrException(ClmgrRc.IncorrectInput, "the \"delete\" action is not available for the \"network_module\" class: every network type has its module; modify it.");

    public override ClusterConfiguration Modify(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        a.Only(Name, Settable);
        var type = name is { Length: > 0 } ? NetworkTypes.Canonical(name) ?? throw new ClmgrException(ClmgrRc.NotFound,
                $"\"{QuotedText.Escape(name)}\" is not a valid network module. Valid network modules are: {string.Join(", ", NetworkTypes.Ip.Concat(NetworkTypes.NonIp))}")
            : throw new ClmgrException(ClmgrRc.MissingInput, "a name is required for the \"network_module\" class.");
        var module = NetworkModules.Of(c, type);
        if (a["FAILURE_RATE"] is { Length: > 0 })
        {
            module = NetworkModules.Predefined(type, a.Choice("FAILURE_RATE", "normal", [.. NetworkModules.Rates])) with { GracePeriod = module.GracePeriod };
        }
        module = module with
        {
            Interval = Interval(a, module.Interval),
            FailureCycle = AtLeast(a, "FAILURE_CYCLE", module.FailureCycle, 1),
            GracePeriod = AtLeast(a, "GRACE_PERIOD", module.GracePeriod, 0),
        };
        return c with { NetworkModules = [.. c.NetworkModules.Where(m => m.Type != type), module] };
    }

    /// <summary>HB_INTERVAL: seconds, more than 0 (a fraction is allowed: 0.5).</summary>
    private static double Interval(ClmgrAttributes a, double fallback)
    {
        if (a["HB_INTERVAL"] is not { Length: > 0 } text)
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 3600
            ? s
            : throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(text)}\" is not a valid value for \"HB_INTERVAL\". It must be a number of seconds, more than 0.");
    }

    private static int AtLeast(ClmgrAttributes a, string attr, int fallback, int min)
    {
        var n = a.Int(attr, fallback);
        return n >= min ? n : throw new ClmgrException(ClmgrRc.IncorrectInput,
            $"\"{n.ToString(CultureInfo.InvariantCulture)}\" is not a valid value for \"{attr}\". It must be a number, {min.ToString(CultureInfo.InvariantCulture)} or more.");
    }
}
