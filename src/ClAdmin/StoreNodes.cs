using System.Globalization;
using ClAdmin.Exec.Nodes;
using ClAdmin.Exec.Ssh;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// Cluster nodes and resource groups as the default configuration (DCD) names them: all nodes
/// for C-SPOC without targets, @all and @RG node groups, -cspoc "-g RG", and how SSH reaches a
/// node (its communication path).
/// </summary>
public sealed class StoreNodes(Func<ObjectRepository> openRepository) : IClusterNodes, IResourceGroupResolver, INodeGroupResolver, INodeAddressResolver
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

    /// <summary>
    /// A cluster node is reached by its communication path, written <c>[user@]host[:port]</c>;
    /// a name the configuration does not know goes to ssh as written (null).
    /// </summary>
    SshEndpoint? INodeAddressResolver.Resolve(string node)
    {
        // Read once per run: a fan-out asks for every node at once.
        _paths ??= LoadPaths();
        return _paths.TryGetValue(node, out var path) && !string.IsNullOrWhiteSpace(path) ? ParseEndpoint(path) : null;
    }

    private Dictionary<string, string>? _paths;

    private Dictionary<string, string> LoadPaths()
    {
        using var repo = openRepository();
        return repo.LoadConfiguration(ConfigDirectory.Default).Nodes.ToDictionary(n => n.Name, n => n.CommunicationPath, StringComparer.Ordinal);
    }

    /// <summary>Reads <c>[user@]host[:port]</c>.</summary>
    public static SshEndpoint ParseEndpoint(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var user = default(string);
        var at = path.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            user = path[..at];
            path = path[(at + 1)..];
        }
        var colon = path.LastIndexOf(':');
        if (colon > 0 && path.IndexOf(':', StringComparison.Ordinal) == colon && int.TryParse(path[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return new SshEndpoint(path[..colon], port, user);
        }
        return new SshEndpoint(path, null, user);
    }
}
