namespace ClAdmin.Exec.Nodes;

/// <summary>
/// Resolves <c>@group</c> names in node sets: the cluster's own groups (<c>@all</c> for every
/// node, <c>@rg1</c> for the nodes of a resource group). The store implements it.
/// </summary>
public interface INodeGroupResolver
{
    /// <summary>The nodes of a group, or null when no such group exists.</summary>
    IReadOnlyList<string>? Resolve(string group);
}

/// <summary>
/// Resolves a resource group to its participating nodes for C-SPOC's <c>-cspoc "-g RG"</c>.
/// The store implements it.
/// </summary>
public interface IResourceGroupResolver
{
    /// <summary>The participating nodes of a resource group, or null when it does not exist.</summary>
    IReadOnlyList<string>? NodesOf(string resourceGroup);
}
