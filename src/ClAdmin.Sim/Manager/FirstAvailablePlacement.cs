using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The simplest placement that keeps the demo faithful until the placement function of
/// ClAdmin.Cluster is plugged in: a group goes to the first available node of its node list
/// (OHN: its home node only, when that one runs services); a leaving node's groups are released, and with
/// Move or a failure acquired by the first other available node; concurrent groups (OAAN) come
/// online on every available node. No fallback, no dependencies, no distribution policy.
/// </summary>
public sealed class FirstAvailablePlacement : IPlacement
{
    public static FirstAvailablePlacement Instance { get; } = new();

    public IReadOnlyList<GroupAction> Plan(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var releases = new List<GroupAction>();
        var acquires = new List<GroupAction>();
        foreach (var group in request.Configuration.ResourceGroups)
        {
            var here = request.Groups.Where(g => g.Group == group.Name).ToList();
            bool On(string node) => here.Any(g => g.Node == node && g.State is ResourceGroupState.Online or ResourceGroupState.Unmanaged);
            var available = group.Nodes.Where(n => request.AvailableNodes.Contains(n)).ToList();
            if (request.Event == "node_down")
            {
                if (!On(request.Node))
                {
                    continue;
                }
                if (request.Mode != "failure")
                {
                    releases.Add(new(group.Name, request.Node, GroupActionKind.Release));
                }
                if (request.Mode is "move" or "failure" && !group.IsConcurrent && available.FirstOrDefault(n => n != request.Node) is { } to)
                {
                    acquires.Add(new(group.Name, to, GroupActionKind.Acquire));
                }
            }
            else if (request.Event == "node_up")
            {
                if (group.IsConcurrent)
                {
                    if (available.Contains(request.Node) && !On(request.Node))
                    {
                        acquires.Add(new(group.Name, request.Node, GroupActionKind.Acquire));
                    }
                }
                else if (!here.Any(g => g.State is ResourceGroupState.Online or ResourceGroupState.Unmanaged or ResourceGroupState.Acquiring)
                    && (group.Startup == StartupPolicy.OnlineOnHomeNode ? available.Take(1).Where(n => n == group.Nodes[0]) : available).FirstOrDefault() is { } first)
                {
                    acquires.Add(new(group.Name, first, GroupActionKind.Acquire));
                }
            }
        }
        return [.. releases, .. acquires];
    }
}
