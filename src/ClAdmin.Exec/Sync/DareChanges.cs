using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Sync;

/// <summary>
/// What a dynamic reconfiguration changes in the running cluster (semantics §9.4): the resource groups
/// removed or changed between the active configuration and the one being synchronized are released, the
/// groups added or changed are acquired. A group is changed when its node list, policies, timers or
/// resources differ, or the application controllers and service labels it holds are defined otherwise.
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
            [.. next.ResourceGroups.Select(g => g.Name).Where(g => !before.ContainsKey(g) || changed.Contains(g))]);
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
