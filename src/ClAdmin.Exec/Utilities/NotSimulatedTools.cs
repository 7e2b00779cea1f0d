using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// Commands of the Problem Determination and Extended menus that cladmin does not carry out yet
/// (issue 17 §1): run alone, each prints its usage (exit 2), as the real command does; given the
/// flags its dialog sends, it says plainly that it is not simulated and changes nothing (exit 1),
/// rather than ending in ksh's "not found". The usage lines follow the flags the dialogs in
/// menus/*.json build [U: the real commands' full flag lists were not found].
/// </summary>
public sealed class NotSimulatedTools : ICommandHandler
{
    private static readonly Dictionary<string, string> Usages = new(StringComparer.Ordinal)
    {
        ["cl_configassist"] = "Usage: cl_configassist -t CommunicationPath -a ApplicationServer -b StartScript -e StopScript -s ServiceIPLabel",
        ["cl_emulate"] = "Usage: cl_emulate -e Event [-n Node] [-w Network] [-a IPLabel] [-d StandbyLabel] [-f graceful|takeover|forced]",
        ["cl_ezupdate"] = "Usage: cl_ezupdate -n Node -i Interface",
        ["cl_smit"] = "Usage: cl_smit -n Node [FastPath]",
        ["claddclstr"] = "Usage: claddclstr -n ClusterName",
        ["clappmon"] = "Usage: clappmon {-s | -r} -a ApplicationServer [-m Monitor] [-g ResourceGroup]",
        ["cldiag"] = "Usage: cldiag trace {daemon {on|off} Daemon | start [-j EventIds] [-f LogFile] [-s BufferSize] | stop | report [-j EventIds] [-i LogFile] [-o ReportFile]}\n"
            + "       cldiag errnotify {add | change | show | remove | emulate | auto {list | add | remove}} ...",
        ["cllog"] = "Usage: cllog {-c {-n | -m | -r} | -n Node -d high|low -f Format | -m -l standard|high | -r Log -p Directory [-R true|false]}",
    };

    /// <summary>What each command would do, for the message that says it is not simulated.</summary>
    private static readonly Dictionary<string, string> What = new(StringComparer.Ordinal)
    {
        ["cl_configassist"] = "the Two-Node Cluster Configuration Assistant",
        ["cl_emulate"] = "event emulation",
        ["cl_ezupdate"] = "updating a communication interface from the operating system",
        ["cl_smit"] = "a SMIT session on another node (open the screens there with cladmin --node NODE FASTPATH)",
        ["claddclstr"] = "adding or renaming the cluster here (use clmgr add cluster or clmgr modify cluster NAME=)",
        ["clappmon"] = "suspending and resuming application monitoring",
        ["cldiag"] = "daemon tracing and error notification",
        ["cllog"] = "changing the log parameters and directories",
    };

    public IReadOnlyCollection<string> Names => Usages.Keys;

    public Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var usage = Usages[invocation.Name];
        if (invocation.Arguments.Count == 0)
        {
            return Task.FromResult(CommandResult.Local(2, "", usage + "\n"));
        }
        return Task.FromResult(CommandResult.Local(1, "", $"{invocation.Name}: {What[invocation.Name]} is not simulated by cladmin; nothing was changed.\n"));
    }
}
