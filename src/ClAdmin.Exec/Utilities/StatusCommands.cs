using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary>clstat and cldump: what the cluster manager reports through SNMP, from the running configuration.</summary>
public static class StatusCommands
{
    /// <summary>
    /// <c>clstat [-c id | -n name] [-i] [-r seconds] [-a] [-o] [-s]</c>: one ASCII screen (the
    /// interactive monitor's first screen, with its key line), or with -o one snapshot. It asks
    /// clinfoES on the local node: without it, the "Failed retrieving" message and exit code 1.
    /// </summary>
    public static CommandResult Clstat(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("clstat", args, "c:n:ir:aos", out var error);
        if (o is null || o.Operands.Count > 0 || (o.Has('c') && o.Has('n')))
        {
            return UtilityHandlers.Usage(error, StatusTexts.ClstatUsage);
        }
        var c = context.RunningConfiguration();
        if (c.Cluster is null)
        {
            return UtilityHandlers.Fail(TopologyCommands.NoCluster);
        }
        var clinfo = context.State.Subsystems(context.LocalNode).FirstOrDefault(s => s.Name == "clinfoES");
        if (clinfo is not { Active: true } || !context.AnyActive(c))
        {
            return UtilityHandlers.Fail(StatusTexts.NoInformation("clstat"));
        }
        if ((o.Value('n') is { } name && name != c.Cluster.Name)
            || (o.Value('c') is { } id && id != c.Cluster.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return UtilityHandlers.Fail($"clstat: Cluster {o.Value('n') ?? o.Value('c')} is not available.");
        }
        return UtilityHandlers.Ok(StatusFormatter.Clstat(c, context.State, footer: !o.Has('o')));
    }

    /// <summary><c>cldump</c>, no flags: from the cluster manager (clstrmgrES) on the local node, which must run.</summary>
    public static CommandResult Cldump(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cldump", args, "", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, "Usage: cldump");
        }
        var c = context.RunningConfiguration();
        if (c.Cluster is null)
        {
            return UtilityHandlers.Fail(TopologyCommands.NoCluster);
        }
        if (!StateNames.ServicesActive(context.State.ManagerState(context.LocalNode)))
        {
            return CommandResult.Local(1, StatusTexts.CldumpHeader(context.LocalNode) + "\n", StatusTexts.NoInformation("cldump") + "\n");
        }
        return UtilityHandlers.Ok(StatusFormatter.Cldump(c, context.State, context.LocalNode));
    }
}
