using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// get_local_nodename: the cluster name of the node the command runs on (the local node). With
/// -c (ClAdmin's addition, for SMIT's cmd_to_discover) the name in SMIT's colon format,
/// <c>#local_node</c> then the name: the Start and Stop Cluster Services dialogs show the local
/// node in their node field, as SMIT does (powerha-menus.md §4.1, §4.2).
/// </summary>
internal static class LocalNodeCommand
{
    private const string Usage = "usage: get_local_nodename [-c]";

    public static CommandResult Run(IReadOnlyList<string> args, UtilityContext context)
    {
        var colon = false;
        foreach (var arg in args)
        {
            if (arg != "-c")
            {
                return UtilityHandlers.Usage($"get_local_nodename: unknown argument '{arg}'", Usage);
            }
            colon = true;
        }
        return UtilityHandlers.Ok(colon ? $"#local_node\n{context.LocalNode}\n" : context.LocalNode + "\n");
    }
}
