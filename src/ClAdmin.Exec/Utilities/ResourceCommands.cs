using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary>The resource utilities' flag handling. They list the DCD (see <see cref="UtilityContext"/>).</summary>
public static class ResourceCommands
{
    public static CommandResult Cllsgrp(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cllsgrp", args, "", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, "Usage: cllsgrp");
        }
        return UtilityHandlers.Ok(ResourceFormatter.Cllsgrp(context.DefaultConfiguration()));
    }

    /// <summary><c>cllsres [-g group]</c>: every group's resources, or one group's.</summary>
    public static CommandResult Cllsres(IReadOnlyList<string> args, UtilityContext context) =>
        ForGroups("cllsres", args, context, ResourceFormatter.Cllsres);

    /// <summary><c>clshowres [-g group]</c>.</summary>
    public static CommandResult Clshowres(IReadOnlyList<string> args, UtilityContext context) =>
        ForGroups("clshowres", args, context, ResourceFormatter.Clshowres);

    /// <summary><c>cllsserv [-c] [name]</c>.</summary>
    public static CommandResult Cllsserv(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cllsserv", args, "c", out var error);
        if (o is null || o.Operands.Count > 1)
        {
            return UtilityHandlers.Usage(error, "Usage: cllsserv [-c] [server_name]");
        }
        var servers = context.DefaultConfiguration().ApplicationControllers;
        if (o.Operands.Count == 1)
        {
            servers = servers.Where(s => s.Name == o.Operands[0]).ToList();
            if (servers.Count == 0)
            {
                return UtilityHandlers.Fail($"cllsserv: Application server {o.Operands[0]} is not defined.");
            }
        }
        return UtilityHandlers.Ok(ResourceFormatter.Cllsserv(servers, o.Has('c')));
    }

    /// <summary><c>cllsappmon [name]</c>.</summary>
    public static CommandResult Cllsappmon(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cllsappmon", args, "", out var error);
        if (o is null || o.Operands.Count > 1)
        {
            return UtilityHandlers.Usage(error, "Usage: cllsappmon [monitor_name]");
        }
        var c = context.DefaultConfiguration();
        if (o.Operands.Count == 0)
        {
            return UtilityHandlers.Ok(ResourceFormatter.Cllsappmon(c));
        }
        var m = c.ApplicationMonitors.FirstOrDefault(a => a.Name == o.Operands[0]);
        return m is null
            ? UtilityHandlers.Fail($"cllsappmon: Application monitor {o.Operands[0]} is not defined.")
            : UtilityHandlers.Ok(ResourceFormatter.Cllsappmon(m));
    }

    private static CommandResult ForGroups(string name, IReadOnlyList<string> args, UtilityContext context, Func<IReadOnlyList<ResourceGroup>, string> format)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse(name, args, "g:", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, $"Usage: {name} [-g resource_group]");
        }
        var groups = context.DefaultConfiguration().ResourceGroups;
        if (o.Value('g') is { } only)
        {
            groups = groups.Where(g => g.Name == only).ToList();
            if (groups.Count == 0)
            {
                return UtilityHandlers.Fail($"ERROR: Resource group {only} is not defined in the cluster.");
            }
        }
        return UtilityHandlers.Ok(format(groups));
    }
}
