using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Sync;

/// <summary>
/// What a dynamic reconfiguration changes in the running cluster (semantics §9.4): the resource groups
/// removed or changed between the active configuration and the one being synchronized are released, the
/// groups added or changed are acquired. A group is changed when its node list, policies, timers or
/// resources differ, or the application controllers and service labels it holds are defined otherwise.
/// The nodes, networks, interfaces and network modules added, removed or changed are the topology changes.
/// </summary>
public static class DareChanges
{
    /// <summary>The groups to release and to acquire going from <paramref name="active"/> to <paramref name="next"/>.</summary>
    public static DareRequest Between(ClusterConfiguration active, ClusterConfiguration next, string node)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(next);
        var before = active.ResourceGroups.ToDictionary(g => g.Name, g => Signature(active, g), StringComparer.Ordinal);
        var after = next.ResourceGroups.ToDictionary(g => g.Name, g => Signature(next, g), StringComparer.Ordinal);
        var changed = before.Keys.Where(g => after.TryGetValue(g, out var s) && s != before[g]).ToHashSet(StringComparer.Ordinal);
        return new DareRequest(node,
            [.. active.ResourceGroups.Select(g => g.Name).Where(g => !after.ContainsKey(g) || changed.Contains(g))],
            [.. next.ResourceGroups.Select(g => g.Name).Where(g => !before.ContainsKey(g) || changed.Contains(g))])
        {
            Topology =
            [
                .. Compare("node", active.Nodes, next.Nodes, n => n.Name),
                .. Compare("network", active.Networks, next.Networks, n => n.Name),
                .. Compare("interface", active.Interfaces, next.Interfaces, i => i.Label),
                .. Compare("network_module", active.NetworkModules, next.NetworkModules, m => m.Type),
            ],
        };
    }

    /// <summary>The topology objects of one class added, removed or changed (records compared by value), as "add|remove|change CLASS NAME".</summary>
    private static IEnumerable<string> Compare<T>(string cls, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
        where T : notnull
    {
        var old = before.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var k in old.Keys.Where(k => !now.ContainsKey(k)))
        {
            yield return $"remove {cls} {k}";
        }
        foreach (var k in now.Keys.Where(k => !old.ContainsKey(k)))
        {
            yield return $"add {cls} {k}";
        }
        foreach (var k in now.Keys.Where(k => old.TryGetValue(k, out var o) && !o.Equals(now[k])))
        {
            yield return $"change {cls} {k}";
        }
    }

    private static string Signature(ClusterConfiguration c, ResourceGroup g)
    {
        var apps = g.Resource(ResourceKinds.Applications);
        var labels = g.Resource(ResourceKinds.ServiceLabel);
        return string.Join('\n', new[]
        {
            string.Join(',', g.Nodes), g.Startup.ToString(), g.Fallover.ToString(), g.Fallback.ToString(), g.FallbackTimer, g.NodePriorityPolicy, g.SitePolicy,
        }
            .Concat(g.Resources.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key + "=" + string.Join(',', r.Value)))
            .Concat(c.ApplicationControllers.Where(a => apps.Contains(a.Name)).Select(a => $"app {a.Name} {a.StartScript} {a.StopScript} {a.StartupMode}"))
            .Concat(c.ServiceIps.Where(s => labels.Contains(s.Label)).Select(s => $"ip {s.Label} {s.Network} {s.Netmask} {s.Address}")));
    }
}
