using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Store;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// What a utility run sees: the configuration, the cluster state and the node it runs on.
/// Two sources of configuration, as on a real node:
/// <list type="bullet">
/// <item>The DCD (<see cref="DefaultConfiguration"/>): the configuration listings (cltopinfo, cllsif,
/// cllsnode, cllsgrp, cllsres, clshowres, cllsclstr, cllsnw, cllsserv, cllsappmon) read the ODM in
/// /etc/es/objrepos, so they show a change before it is synchronised.</item>
/// <item><see cref="RunningConfiguration"/>: the utilities that report state (clRGinfo, cldisp) describe
/// what the cluster manager runs, the ACD, while services run on any node; the DCD otherwise.</item>
/// </list>
/// </summary>
public sealed class UtilityContext(Func<ObjectRepository> openRepository, IClusterState state, string localNode)
{
    public IClusterState State { get; } = state;

    public string LocalNode { get; } = localNode;

    public ClusterConfiguration DefaultConfiguration()
    {
        using var repo = openRepository();
        return repo.LoadConfiguration(ConfigDirectory.Default);
    }

    /// <summary>The ACD when cluster services run on some node of the DCD and the ACD holds a cluster; the DCD otherwise.</summary>
    public ClusterConfiguration RunningConfiguration()
    {
        using var repo = openRepository();
        var dcd = repo.LoadConfiguration(ConfigDirectory.Default);
        if (!AnyActive(dcd))
        {
            return dcd;
        }
        var acd = repo.LoadConfiguration(ConfigDirectory.Active);
        return acd.Cluster is null ? dcd : acd;
    }

    /// <summary>True when cluster services run on at least one node of <paramref name="configuration"/>.</summary>
    public bool AnyActive(ClusterConfiguration configuration) =>
        configuration.Nodes.Any(n => StateNames.ServicesActive(State.ManagerState(n.Name)));
}
