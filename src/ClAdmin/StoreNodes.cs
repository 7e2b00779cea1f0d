using ClAdmin.Exec.Nodes;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// Cluster nodes and resource groups as the default configuration (DCD) names them: all nodes
/// for C-SPOC without targets, @all and @RG node groups, and -cspoc "-g RG".
/// </summary>
public sealed class StoreNodes(Func<ObjectRepository> openRepository) : IClusterNodes, IResourceGroupResolver, INodeGroupResolver
{
    public IReadOnlyList<string> All()
    {
        using var repo = openRepository();
        return repo.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name).ToList();
    }

    public IReadOnlyList<string>? NodesOf(string resourceGroup)
    {
        using var repo = openRepository();
        return repo.LoadConfiguration(ConfigDirectory.Default).ResourceGroups
            .FirstOrDefault(g => g.Name == resourceGroup)?.Nodes;
    }

    /// <summary>@all: every cluster node; @NAME: the nodes of resource group NAME.</summary>
    public IReadOnlyList<string>? Resolve(string group) =>
        group == "all" ? All() : NodesOf(group);
}
