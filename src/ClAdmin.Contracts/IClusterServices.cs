namespace ClAdmin.Contracts;

/// <summary>
/// Starting and stopping cluster services (clstrmgrES and the daemons it needs) on nodes, as
/// <c>cl_rc.cluster</c>, <c>cl_clstop</c> and <c>clmgr online|offline</c> ask for it. The simulated
/// cluster manager implements it; each call runs the cluster events it causes (unless the
/// simulator is in step mode) and returns what the command prints.
/// </summary>
public interface IClusterServices
{
    /// <summary>Starts cluster services on <see cref="StartServices.Nodes"/> (all cluster nodes when empty).</summary>
    Task<CommandResult> StartAsync(StartServices request, CancellationToken cancellationToken);

    /// <summary>Stops cluster services on <see cref="StopServices.Nodes"/> (all cluster nodes when empty).</summary>
    Task<CommandResult> StopAsync(StopServices request, CancellationToken cancellationToken);

    /// <summary>Moves a resource group, or brings it online or offline, as <c>clRGmove</c> and
    /// <c>clmgr move|online|offline resource_group</c> ask for it (semantics §1.6, S10).</summary>
    Task<CommandResult> MoveGroupAsync(MoveGroup request, CancellationToken cancellationToken);

    /// <summary>Recover From Script Failure (<c>clruncmd NODE</c>): the cluster manager of
    /// <paramref name="node"/>, waiting in ST_RP_FAILED, skips the failed event and resumes.</summary>
    Task<CommandResult> RecoverAsync(string node, CancellationToken cancellationToken);
}

/// <summary>What a user move does to a group: clRGmove -m, -u or -d.</summary>
public enum MoveAction
{
    /// <summary>-m: release on its node, acquire on the destination (which becomes its priority override location).</summary>
    Move,
    /// <summary>-u: bring online on a node.</summary>
    Online,
    /// <summary>-d: bring offline (by the user: it stays offline until brought online).</summary>
    Offline,
}

/// <summary>A user request on a resource group (clRGmove -g GROUP -n NODE -m|-u|-d).</summary>
/// <param name="Group">The resource group.</param>
/// <param name="Action">Move, online or offline.</param>
/// <param name="Node">The destination (move, online) or the node (offline); null: the highest-priority
/// available node (clRGmove -r) or wherever the group is.</param>
/// <param name="Command">The command name for messages (clRGmove, clmgr).</param>
public sealed record MoveGroup(string Group, MoveAction Action, string? Node, string Command = "clRGmove");

/// <summary>When a start or stop takes effect: now (-N), at the next system restart (-R), or both (-B).</summary>
public enum ServicesWhen
{
    Now,
    Restart,
    Both,
}

/// <summary>What a stop does with the node's resource groups (semantics §6): the 7.x option names,
/// with the 5.x names in the comments.</summary>
public enum StopAction
{
    /// <summary>Bring Resource Groups Offline (graceful, clstop -g).</summary>
    Offline,
    /// <summary>Move Resource Groups (graceful with takeover, clstop -gr).</summary>
    Move,
    /// <summary>Unmanage Resource Groups (forced, clstop -f).</summary>
    Unmanage,
}

/// <summary>A start of cluster services: the Start Cluster Services dialog's fields.</summary>
/// <param name="Nodes">The nodes; empty means every node of the active configuration.</param>
/// <param name="When">now, restart or both.</param>
/// <param name="ManageAutomatically">true: groups come online per their policies (-A); false: they stay as they are (-M).</param>
/// <param name="Broadcast">Send a wall message (-b).</param>
/// <param name="ClinfoDaemon">Also start clinfoES (-i / -I).</param>
/// <param name="IgnoreVerificationErrors">Start even when verification at start reports errors (-v).</param>
/// <param name="AutoCorrect">-C interactive|yes, or null.</param>
public sealed record StartServices(
    IReadOnlyList<string> Nodes,
    ServicesWhen When = ServicesWhen.Now,
    bool ManageAutomatically = true,
    bool Broadcast = false,
    bool ClinfoDaemon = false,
    bool IgnoreVerificationErrors = false,
    string? AutoCorrect = null);

/// <summary>A stop of cluster services: the Stop Cluster Services dialog's fields.</summary>
/// <param name="Nodes">The nodes; empty means every node of the active configuration.</param>
/// <param name="When">now, restart or both.</param>
/// <param name="Action">What happens to the node's resource groups.</param>
/// <param name="Broadcast">Send a wall message (no -s).</param>
public sealed record StopServices(
    IReadOnlyList<string> Nodes,
    ServicesWhen When = ServicesWhen.Now,
    StopAction Action = StopAction.Offline,
    bool Broadcast = false);
