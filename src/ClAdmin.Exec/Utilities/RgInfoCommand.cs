using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary><c>clRGinfo [-h] [-v] [-a] [-s | -c] [-t] [-p] [-m] [-i] [group ...]</c>.</summary>
public static class RgInfoCommand
{
    public const string UsageText = "Usage: clRGinfo [-h] [-v] [-a] [-s|-c] [-t] [-p] [-m] [-i] [groupname1] [groupname2] ...";

    /// <summary>
    /// The state comes from a cluster manager: when services run on no node, clRGinfo cannot ask one and
    /// prints the IPC error (the PowerHA wording, [U] in the reference) with exit code 1. When services
    /// run somewhere, the groups come from the ACD (what the managers run).
    /// </summary>
    public static CommandResult Run(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("clRGinfo", args, "hvasctpmi", out var error);
        if (o is null)
        {
            return UtilityHandlers.Usage(error, UsageText);
        }
        if (o.Has('h'))
        {
            return UtilityHandlers.Ok(UsageText + "\n");
        }
        if (o.Has('s') && o.Has('c'))
        {
            return UtilityHandlers.Usage("clRGinfo: -s and -c cannot be used together.", UsageText);
        }
        var configuration = context.RunningConfiguration();
        if (!context.AnyActive(configuration))
        {
            return UtilityHandlers.Fail(IpcError(context.LocalNode));
        }
        var groups = new List<ResourceGroup>();
        foreach (var name in o.Operands)
        {
            var g = configuration.ResourceGroups.FirstOrDefault(r => r.Name == name);
            if (g is null)
            {
                return UtilityHandlers.Fail($"ERROR: Resource group {name} is not defined in the cluster.");
            }
            groups.Add(g);
        }
        if (o.Operands.Count == 0)
        {
            groups.AddRange(configuration.ResourceGroups);
        }
        if (groups.Count == 0)
        {
            return UtilityHandlers.Fail("ERROR: No resource groups are configured in the cluster.");
        }
        var state = context.State;
        if (o.Has('s') || o.Has('c'))
        {
            return UtilityHandlers.Ok(RgInfoFormatter.Colon(configuration, state, groups));
        }
        if (o.Has('a'))
        {
            return UtilityHandlers.Ok(RgInfoFormatter.Movement(state, groups));
        }
        if (o.Has('m'))
        {
            return UtilityHandlers.Ok(RgInfoFormatter.Monitors(configuration, state, groups));
        }
        var extras = (o.Has('v') ? RgInfoExtras.Policies : 0) | (o.Has('p') ? RgInfoExtras.PriorityOverride : 0) | (o.Has('t') ? RgInfoExtras.Timers : 0);
        return UtilityHandlers.Ok(RgInfoFormatter.Table(configuration, state, groups, extras));
    }

    /// <summary>What clRGinfo prints when no cluster manager can answer.</summary>
    public static string IpcError(string node) =>
        $"Cluster IPC error: The cluster manager on node {node} is in ST_INIT or NOT_CONFIGURED state and cannot process the IPC request.";
}
