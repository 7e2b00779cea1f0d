using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary>The topology utilities' flag handling. They list the DCD (see <see cref="UtilityContext"/>).</summary>
public static class TopologyCommands
{
    /// <summary>What the listings print when no cluster is defined (exit code 1).</summary>
    public const string NoCluster = "Warning: There is no cluster found.";

    /// <summary><c>cltopinfo [-c] [-n] [-w] [-i] [-m]</c>: several flags print their parts in that order;
    /// -m (the local node's heartbeat statistics) needs Topology Services running there.</summary>
    public static CommandResult Cltopinfo(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string usage = "Usage: cltopinfo [-c] [-n] [-w] [-i] [-m]";
        var o = UtilityOptions.Parse("cltopinfo", args, "cnwim", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, usage);
        }
        var c = context.DefaultConfiguration();
        if (c.Cluster is null)
        {
            return UtilityHandlers.Fail(NoCluster);
        }
        if (o.Has('m'))
        {
            var topsvcs = context.State.Subsystems(context.LocalNode).FirstOrDefault(s => s.Name == "topsvcs");
            return topsvcs is { Active: true }
                ? UtilityHandlers.Ok(StatusFormatter.Heartbeats(context.RunningConfiguration(), context.State, context.LocalNode))
                : UtilityHandlers.Fail(StatusTexts.NoTopologyServices(context.LocalNode));
        }
        if (!o.Has('c') && !o.Has('n') && !o.Has('w') && !o.Has('i'))
        {
            return UtilityHandlers.Ok(TopologyFormatter.Cltopinfo(c));
        }
        var parts = new List<string>();
        if (o.Has('c'))
        {
            parts.Add(TopologyFormatter.Header(c));
        }
        if (o.Has('n'))
        {
            parts.Add(TopologyFormatter.Nodes(c));
        }
        if (o.Has('w'))
        {
            parts.Add(TopologyFormatter.Networks(c));
        }
        if (o.Has('i'))
        {
            parts.Add(TopologyFormatter.Interfaces(c));
        }
        return UtilityHandlers.Ok(string.Concat(parts));
    }

    /// <summary><c>cllsif [-c]</c>. The other letters the reference lists (-S, -p) have no known meaning and are refused.</summary>
    public static CommandResult Cllsif(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cllsif", args, "c", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, "Usage: cllsif [-c]");
        }
        var c = context.DefaultConfiguration();
        return UtilityHandlers.Ok(o.Has('c') ? TopologyFormatter.CllsifColon(c) : TopologyFormatter.Cllsif(c));
    }

    /// <summary><c>cllsnode [-i node]</c>.</summary>
    public static CommandResult Cllsnode(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cllsnode", args, "i:", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, "Usage: cllsnode [-i nodename]");
        }
        var c = context.DefaultConfiguration();
        if (c.Cluster is null)
        {
            return UtilityHandlers.Fail(NoCluster);
        }
        var node = o.Value('i');
        if (node is not null && c.Nodes.All(n => n.Name != node))
        {
            return UtilityHandlers.Fail($"cllsnode: Node {node} is not defined in the cluster.");
        }
        return UtilityHandlers.Ok(TopologyFormatter.Cllsnode(c, node));
    }

    /// <summary><c>cllsnw</c>, no flags.</summary>
    public static CommandResult Cllsnw(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cllsnw", args, "", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, "Usage: cllsnw");
        }
        return UtilityHandlers.Ok(TopologyFormatter.Cllsnw(context.DefaultConfiguration()));
    }

    /// <summary><c>cllsclstr</c>, no flags.</summary>
    public static CommandResult Cllsclstr(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cllsclstr", args, "", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, "Usage: cllsclstr");
        }
        var c = context.DefaultConfiguration();
        return c.Cluster is null ? UtilityHandlers.Fail(NoCluster) : UtilityHandlers.Ok(TopologyFormatter.Cllsclstr(c.Cluster));
    }
}
