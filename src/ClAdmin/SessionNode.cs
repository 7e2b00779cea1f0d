namespace ClAdmin;

/// <summary>
/// The node commands run on when none is named: found when first asked (the option --node, else
/// the default), until "Open a SMIT Session on a Node" (cl_smit) chooses another one for what follows.
/// </summary>
public sealed class SessionNode(Func<string> find)
{
    private readonly Lazy<string> _found = new(find);
    private string? _chosen;

    /// <summary>The local node now.</summary>
    public string Value => _chosen ?? _found.Value;

    /// <summary>Makes <paramref name="node"/> the local node for every command that follows.</summary>
    public void Choose(string node) => _chosen = node;
}
