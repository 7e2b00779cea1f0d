using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary><c>clshowsrv {-a | -v | subsystem ...}</c> on the local node, from the cluster state's subsystems.</summary>
public static class ServicesCommand
{
    public const string UsageText = "Usage: clshowsrv {-a | -v | subsystem_name ...}";

    public static CommandResult Run(IReadOnlyList<string> args, UtilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = UtilityOptions.Parse("clshowsrv", args, "av", out var error);
        if (o is null)
        {
            return UtilityHandlers.Usage(error, UsageText);
        }
        var given = (o.Has('a') ? 1 : 0) + (o.Has('v') ? 1 : 0) + (o.Operands.Count > 0 ? 1 : 0);
        if (given != 1)
        {
            return UtilityHandlers.Usage(null, UsageText);
        }
        var subsystems = context.State.Subsystems(context.LocalNode);
        if (o.Has('v'))
        {
            return UtilityHandlers.Ok(ServicesFormatter.Verbose(subsystems));
        }
        if (o.Has('a'))
        {
            return UtilityHandlers.Ok(ServicesFormatter.All(subsystems));
        }
        var unknown = o.Operands.FirstOrDefault(n => subsystems.All(s => s.Name != n));
        if (unknown is not null)
        {
            // lssrc's own message for a subsystem that is not defined.
            return UtilityHandlers.Fail($"0513-085 The {unknown} Subsystem is not on file.");
        }
        return UtilityHandlers.Ok(ServicesFormatter.Rows(o.Operands.Select(n => subsystems.First(s => s.Name == n))));
    }
}
