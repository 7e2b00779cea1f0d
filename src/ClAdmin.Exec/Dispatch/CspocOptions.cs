using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Dispatch;

/// <summary>
/// C-SPOC's common option, <c>-cspoc "[-f] [-d level] [-g ResourceGroup | -n node1,node2]"</c>:
/// the target nodes (named, or the resource group's participating nodes) and the force flag.
/// </summary>
public sealed record CspocOptions(bool Force, string? ResourceGroup, IReadOnlyList<string> Nodes, string? DebugLevel = null)
{
    /// <summary>Parses the value of <c>-cspoc</c>. <paramref name="groups"/> resolves <c>-g</c>;
    /// <c>-n</c> takes a comma list, or any node set (<c>node[1-4]</c>, <c>@rg1</c> when
    /// <paramref name="groups"/> also resolves node groups).</summary>
    /// <exception cref="FormatException">A message naming the problem, as C-SPOC would print it.</exception>
    public static CspocOptions Parse(string value, IResourceGroupResolver? groups)
    {
        ArgumentNullException.ThrowIfNull(value);
        var words = ShellWords.Split(value);
        var force = false;
        string? rg = null;
        string? nodes = null;
        string? debug = null;
        for (var i = 0; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-f":
                    force = true;
                    break;
                case "-g":
                    rg = Next(ref i, "-g needs a resource group name");
                    break;
                case "-n":
                    nodes = Next(ref i, "-n needs a list of nodes");
                    break;
                case "-d":
                    debug = Next(ref i, "-d needs a debug level");
                    break;
                default:
                    throw new FormatException($"-cspoc: unknown option '{words[i]}' (expected -f, -d level, -g group or -n nodes)");
            }
        }
        if (rg is not null && nodes is not null)
        {
            throw new FormatException("-cspoc: -g and -n cannot be used together");
        }
        IReadOnlyList<string> targets = [];
        if (nodes is not null)
        {
            targets = NodeSet.Parse(nodes, groups as INodeGroupResolver).ToList();
        }
        else if (rg is not null)
        {
            if (groups is null)
            {
                throw new FormatException($"-cspoc: cannot resolve -g {rg}: no cluster configuration is loaded");
            }
            targets = groups.NodesOf(rg) ?? throw new FormatException($"-cspoc: resource group {rg} does not exist");
            if (targets.Count == 0)
            {
                throw new FormatException($"-cspoc: resource group {rg} has no participating nodes");
            }
        }
        return new CspocOptions(force, rg, targets, debug);

        string Next(ref int i, string message)
        {
            if (i + 1 >= words.Count || words[i + 1].StartsWith('-'))
            {
                throw new FormatException("-cspoc: " + message);
            }
            return words[++i];
        }
    }
}
