using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary><c>cldisp</c>, no flags. It reports state, so it reads the ACD while services run (see <see cref="UtilityContext"/>).</summary>
public static class DisplayCommand
{
    public static CommandResult Run(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("cldisp", args, "", out var error);
        if (o is null || o.Operands.Count > 0)
        {
            return UtilityHandlers.Usage(error, "Usage: cldisp");
        }
        var c = context.RunningConfiguration();
        return c.Cluster is null ? UtilityHandlers.Fail(TopologyCommands.NoCluster) : UtilityHandlers.Ok(DisplayFormatter.Format(c, context.State));
    }
}
