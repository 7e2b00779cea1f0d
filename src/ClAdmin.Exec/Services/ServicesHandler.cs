using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.Verification;

namespace ClAdmin.Exec.Services;

/// <summary>
/// Starting and stopping cluster services as the Start and Stop Cluster Services dialogs run them
/// (powerha-menus.md §4.1, §4.2, semantics §6): <c>cl_rc.cluster</c> / <c>clstart</c>
/// <c>[-boot] [-b] [-i|-I] [-N|-R|-B] [-M|-A] [-x] [-r] [-v] [-C interactive|yes]</c> and
/// <c>cl_clstop</c> / <c>clstop</c> <c>{-f|-g|-gr} [-s] [-y] [-N|-R|-B]</c>, flags alone or grouped
/// (<c>-ysNgr</c>). The C-SPOC forms act on <c>-cspoc "-n nodes"</c> (every cluster node when none
/// is named); clstart and clstop on the local node. The work is the cluster manager's, through
/// <see cref="IClusterServices"/>. Starting verifies the active configuration first (semantics §9.1:
/// "automatically at cluster-services start"), with the corrections -C asks for: its errors stop the
/// start unless -v ("Ignore verification errors?" true).
/// </summary>
public sealed class ServicesHandler(IClusterServices services, ClusterVerification? verification = null) : ICommandHandler
{
    /// <summary>Why a start was refused (ClAdmin's wording).</summary>
    public const string VerificationBlocksStart =
        "ERROR: Verification of the active configuration found errors: cluster services were not started.\n" +
        "Correct them (Automatically correct errors found during verification?), or start with\n" +
        "\"Ignore verification errors?\" set to true (-v).\n";

    /// <summary>Why a start goes on despite the level error of a mixed cluster (ClAdmin's wording).</summary>
    public const string MigrationStart =
        "WARNING: The nodes run different HACMP levels: the cluster is being migrated node by node.\n" +
        "Cluster services start; synchronization is refused until every node runs the new level.\n";

    public IReadOnlyCollection<string> Names { get; } = ["cl_rc.cluster", "clstart", "cl_clstop", "clstop"];

    public Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var cspoc = invocation.Name.StartsWith("cl_", StringComparison.Ordinal);
        IReadOnlyList<string> nodes = invocation.Nodes ?? (cspoc ? invocation.Cspoc?.Nodes ?? [] : [invocation.LocalNode]);
        return invocation.Name is "cl_rc.cluster" or "clstart"
            ? Start(invocation.Name, invocation.Arguments, nodes, invocation.Prompt, cancellationToken)
            : Stop(invocation.Name, invocation.Arguments, nodes, cancellationToken);
    }

    private async Task<CommandResult> Start(string name, IReadOnlyList<string> args, IReadOnlyList<string> nodes, ICommandPrompt? prompt, CancellationToken cancellationToken)
    {
        var (request, error) = Read(name, args, nodes);
        if (request is null)
        {
            return await error!.ConfigureAwait(false);
        }
        return await StartVerifiedAsync(services, request, verification, prompt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts cluster services after verifying the active configuration (semantics §9.1: the one
    /// <see cref="ClusterVerification.ActiveConfiguration"/> reads), with the
    /// corrections <see cref="StartServices.AutoCorrect"/> asks for; errors stop the start unless
    /// <see cref="StartServices.IgnoreVerificationErrors"/>. The dialogs (cl_rc.cluster) and
    /// <c>clmgr online</c> start this one way.
    /// </summary>
    public static async Task<CommandResult> StartVerifiedAsync(IClusterServices services, StartServices request, ClusterVerification? verification,
        ICommandPrompt? prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        if (verification?.ActiveConfiguration?.Invoke() is not { Nodes.Count: > 0 } active)
        {
            return await services.StartAsync(request, cancellationToken).ConfigureAwait(false);
        }
        var correct = request.AutoCorrect switch { "yes" => AutoCorrect.Yes, "interactive" => AutoCorrect.Interactively, _ => AutoCorrect.No };
        var verified = await verification.RunAsync(active, correct, prompt, cancellationToken).ConfigureAwait(false);
        var errors = verified.Results.SelectMany(r => r.Findings).Where(f => f.IsError).ToList();
        if (errors.Count > 0 && errors.All(f => f.RuleId == "R-LEVEL-2"))
        {
            // A node-by-node migration: the nodes differ only in their HACMP level, which the
            // migration allows while it lasts (seeds 000: stop, install, reboot, restart, node by node).
            verified = verified with { Errors = 0, Stdout = verified.Stdout + MigrationStart };
        }
        if (verified.Errors > 0 && !request.IgnoreVerificationErrors)
        {
            return CommandResult.Local(1, verified.Stdout, verified.Stderr + VerificationBlocksStart);
        }
        var started = await services.StartAsync(request, cancellationToken).ConfigureAwait(false);
        return started with { Stdout = verified.Stdout + "\n" + started.Stdout, Stderr = verified.Stderr + started.Stderr };
    }

    /// <summary>The start request the flags make, or the usage error.</summary>
    private static (StartServices? Request, Task<CommandResult>? Error) Read(string name, IReadOnlyList<string> args, IReadOnlyList<string> nodes)
    {
        var request = new StartServices(nodes);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "-boot")
            {
                continue;
            }
            if (a == "-C")
            {
                if (++i >= args.Count || args[i] is not ("interactive" or "yes"))
                {
                    return (null, Usage(name, "-C needs interactive or yes", StartUsage));
                }
                request = request with { AutoCorrect = args[i] };
                continue;
            }
            if (a.Length < 2 || a[0] != '-')
            {
                return (null, Usage(name, $"unexpected argument '{a}'", StartUsage));
            }
            foreach (var f in a[1..])
            {
                switch (f)
                {
                    case 'N': request = request with { When = ServicesWhen.Now }; break;
                    case 'R': request = request with { When = ServicesWhen.Restart }; break;
                    case 'B': request = request with { When = ServicesWhen.Both }; break;
                    case 'A': request = request with { ManageAutomatically = true }; break;
                    case 'M': request = request with { ManageAutomatically = false }; break;
                    case 'b': request = request with { Broadcast = true }; break;
                    case 'i' or 'I': request = request with { ClinfoDaemon = true }; break;
                    case 'v': request = request with { IgnoreVerificationErrors = true }; break;
                    case 'x' or 'r' or 'P': break;
                    default: return (null, Usage(name, $"Not a recognized flag: {f}", StartUsage));
                }
            }
        }
        return (request, null);
    }

    private Task<CommandResult> Stop(string name, IReadOnlyList<string> args, IReadOnlyList<string> nodes, CancellationToken cancellationToken)
    {
        var request = new StopServices(nodes, Broadcast: true);
        StopAction? action = null;
        foreach (var a in args)
        {
            if (a.Length < 2 || a[0] != '-')
            {
                return Usage(name, $"unexpected argument '{a}'", StopUsage);
            }
            for (var i = 1; i < a.Length; i++)
            {
                switch (a[i])
                {
                    case 'g' when i + 1 < a.Length && a[i + 1] == 'r':
                        action = StopAction.Move;
                        i++;
                        break;
                    case 'g': action = StopAction.Offline; break;
                    case 'f': action = StopAction.Unmanage; break;
                    case 's': request = request with { Broadcast = false }; break;
                    case 'y': break;
                    case 'N': request = request with { When = ServicesWhen.Now }; break;
                    case 'R': request = request with { When = ServicesWhen.Restart }; break;
                    case 'B': request = request with { When = ServicesWhen.Both }; break;
                    default: return Usage(name, $"Not a recognized flag: {a[i]}", StopUsage);
                }
            }
        }
        if (action is null)
        {
            return Usage(name, "one of -f, -g or -gr is required", StopUsage);
        }
        return services.StopAsync(request with { Action = action.Value }, cancellationToken);
    }

    private const string StartUsage = "Usage: cl_rc.cluster [-cspoc \"[-f] [-g RG | -n nodes]\"] [-boot] [-b] [-i | -I] [-N | -R | -B] [-M | -A] [-x] [-r] [-v] [-C interactive|yes]";

    private const string StopUsage = "Usage: cl_clstop [-cspoc \"[-f] [-n NodeList | -g ResourceGroup]\"] {-f | -g | -gr} [-s] [-y] [-N | -R | -B]";

    private static Task<CommandResult> Usage(string name, string error, string usage) =>
        Task.FromResult(CommandResult.Local(2, "", $"{name}: {error}\n{usage}\n"));
}
