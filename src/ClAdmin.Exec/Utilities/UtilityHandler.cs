using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Store;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// A cluster utility served from the repository and the cluster state. The run function gets the
/// arguments and a <see cref="UtilityContext"/> and returns what the utility prints and its exit code.
/// Store errors become a message and exit code 1, as a utility that cannot read the ODM would end.
/// </summary>
public sealed class UtilityHandler(string name, Func<ObjectRepository> openRepository, IClusterState state,
    Func<IReadOnlyList<string>, UtilityContext, CommandResult> run) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = [name];

    public Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        cancellationToken.ThrowIfCancellationRequested();
        var context = new UtilityContext(openRepository, state, invocation.LocalNode);
        try
        {
            return Task.FromResult(run(invocation.Arguments, context));
        }
        catch (Exception e) when (e is StoreException or InvalidDataException)
        {
            return Task.FromResult(CommandResult.Local(1, "", $"{name}: cannot read the cluster configuration: {e.Message}\n"));
        }
    }
}

/// <summary>The registration API: every cluster utility of this folder as a dispatcher handler.</summary>
public static class UtilityHandlers
{
    /// <summary>
    /// Exit code of a utility given an unknown flag or a missing value: 1, with the usage on stderr.
    /// HACMP's utilities are ksh scripts and C programs that print their usage and <c>exit 1</c>; the
    /// reference documents no other code, so one value serves them all.
    /// </summary>
    public const int UsageExitCode = 1;

    /// <summary>The utilities (clRGinfo, cltopinfo, cllsif, cllsnode, cllsgrp, cllsres, clshowres,
    /// cllsclstr, cllsnw, cllsserv, cllsappmon, clshowsrv, cldisp, clfindres, clstat, cldump, get_local_nodename) over the repository that
    /// <paramref name="openRepository"/> opens (each run opens and disposes one) and <paramref name="state"/>.</summary>
    public static IReadOnlyList<ICommandHandler> Create(Func<ObjectRepository> openRepository, IClusterState state)
    {
        ArgumentNullException.ThrowIfNull(openRepository);
        ArgumentNullException.ThrowIfNull(state);
        ICommandHandler H(string name, Func<IReadOnlyList<string>, UtilityContext, CommandResult> run) =>
            new UtilityHandler(name, openRepository, state, run);
        return
        [
            H("clRGinfo", RgInfoCommand.Run),
            H("clfindres", RgInfoCommand.Run), // from 5.2 clfindres runs clRGinfo (menus §5.3)
            H("clstat", StatusCommands.Clstat),
            H("cldump", StatusCommands.Cldump),
            H("cltopinfo", TopologyCommands.Cltopinfo),
            H("cllsif", TopologyCommands.Cllsif),
            H("cllsnode", TopologyCommands.Cllsnode),
            H("cllsnw", TopologyCommands.Cllsnw),
            H("cllsclstr", TopologyCommands.Cllsclstr),
            H("cllsgrp", ResourceCommands.Cllsgrp),
            H("cllsres", ResourceCommands.Cllsres),
            H("clshowres", ResourceCommands.Clshowres),
            H("cllsserv", ResourceCommands.Cllsserv),
            H("cllsappmon", ResourceCommands.Cllsappmon),
            H("clshowsrv", ServicesCommand.Run),
            H("cldisp", DisplayCommand.Run),
            H("get_local_nodename", LocalNodeCommand.Run),
        ];
    }

    /// <summary>The utilities that report the cluster's state (the rest list the configuration).</summary>
    public static IReadOnlyList<string> StateUtilities { get; } = ["clRGinfo", "clfindres", "clstat", "cldump", "cldisp", "clshowsrv", "cltopinfo"];

    /// <summary>
    /// The utilities on real hosts: the configuration listings from the repository; the state
    /// utilities run on the cluster node through <paramref name="engine"/> (<see cref="NodeUtilityHandler"/>),
    /// never answered from an invented state; cltopinfo only for -m.
    /// </summary>
    public static IReadOnlyList<ICommandHandler> CreateForNodes(Func<ObjectRepository> openRepository, FanOutEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return [.. Create(openRepository, StoppedClusterState.Instance).Select(h => h.Names.First() switch
        {
            "cltopinfo" => new NodeUtilityHandler("cltopinfo", engine, h, args => args.Any(a => a.StartsWith('-') && a.Contains('m', StringComparison.Ordinal))),
            var n when StateUtilities.Contains(n) => new NodeUtilityHandler(n, engine),
            _ => h,
        })];
    }

    internal static CommandResult Usage(string? error, string usage) =>
        CommandResult.Local(UsageExitCode, "", (error is null ? "" : error + "\n") + usage + "\n");

    internal static CommandResult Ok(string stdout) => CommandResult.Local(0, stdout);

    internal static CommandResult Fail(string message) => CommandResult.Local(1, "", message + "\n");
}
