using ClAdmin.Contracts;

namespace ClAdmin.Exec.Clmgr;

/// <summary>
/// <c>clmgr online|offline cluster|node</c> as PowerHA 7 scripts use them (start and stop are
/// synonyms; attribute names in any case): <c>clmgr online node N[,N] [WHEN=now|restart|both]
/// [MANAGE=auto|manual]</c>, <c>clmgr offline node N[,N] [WHEN=...] [MANAGE=offline|move|unmanage]</c>,
/// and the same for the whole cluster. The work is the cluster manager's (<see cref="IClusterServices"/>).
/// </summary>
public static class ClmgrServices
{
    private static readonly string[] OnlineWords = ["online", "on", "start"];
    private static readonly string[] OfflineWords = ["offline", "off", "stop"];
    private static readonly string[] MoveWords = ["move", "mv"];

    /// <summary>True when the arguments are an online/offline of the cluster or of nodes.</summary>
    public static bool Matches(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count >= 2 && (((Is(args[0], OnlineWords) || Is(args[0], OfflineWords)) && ClassOf(args[1]) is not null)
            || ((Is(args[0], OnlineWords) || Is(args[0], OfflineWords) || Is(args[0], MoveWords)) && IsGroupClass(args[1])));
    }

    public static async Task<CommandResult> RunAsync(IClusterServices? services, IReadOnlyList<string> args, CancellationToken cancellationToken,
        Func<StartServices, Task<CommandResult>>? start = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (services is null)
        {
            return CommandResult.Local(ClmgrRc.Error, "", "ERROR: cluster services cannot be started or stopped from here: run clmgr on a cluster node.\n");
        }
        if (IsGroupClass(args[1]))
        {
            return await GroupAsync(services, args, cancellationToken).ConfigureAwait(false);
        }
        var online = Is(args[0], OnlineWords);
        var cls = ClassOf(args[1])!;
        var nodes = new List<string>();
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in args.Skip(2))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                attributes[word[..eq]] = word[(eq + 1)..];
            }
            else if (cls == "node")
            {
                nodes.AddRange(word.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else
            {
                return Error($"unexpected argument \"{word}\" for the cluster class.");
            }
        }
        if (cls == "node" && attributes.TryGetValue("NODES", out var listed))
        {
            nodes.AddRange(listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        if (cls == "node" && nodes.Count == 0)
        {
            return CommandResult.Local(ClmgrRc.MissingInput, "", "ERROR: a node name is required.\n");
        }
        var unknown = attributes.Keys.FirstOrDefault(k => !k.Equals("WHEN", StringComparison.OrdinalIgnoreCase)
            && !k.Equals("MANAGE", StringComparison.OrdinalIgnoreCase) && !k.Equals("NODES", StringComparison.OrdinalIgnoreCase)
            && !k.Equals("BROADCAST", StringComparison.OrdinalIgnoreCase) && !k.Equals("CLINFO", StringComparison.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            return Error($"\"{unknown.ToUpperInvariant()}\" is not a valid attribute for {(online ? "online" : "offline")} {cls}. Valid attributes are: WHEN, MANAGE, BROADCAST{(online ? ", CLINFO" : "")}.");
        }
        var whenText = attributes.GetValueOrDefault("WHEN", "now");
        ServicesWhen? when = whenText.ToLowerInvariant() switch
        {
            "now" => ServicesWhen.Now,
            "restart" => ServicesWhen.Restart,
            "both" => ServicesWhen.Both,
            _ => null,
        };
        if (when is null)
        {
            return Error($"\"{whenText}\" is not a valid value for WHEN. Valid values are: now, restart, both.");
        }
        var broadcast = attributes.TryGetValue("BROADCAST", out var b) && b.ToLowerInvariant() is "true" or "yes";
        var manage = attributes.GetValueOrDefault("MANAGE", online ? "auto" : "offline").ToLowerInvariant();
        if (online)
        {
            if (manage is not ("auto" or "manual"))
            {
                return Error($"\"{manage}\" is not a valid value for MANAGE. Valid values are: auto, manual.");
            }
            var clinfo = attributes.TryGetValue("CLINFO", out var c) && c.ToLowerInvariant() is "true" or "yes";
            var request = new StartServices(nodes, when.Value, manage == "auto", broadcast, clinfo);
            return await (start is null ? services.StartAsync(request, cancellationToken) : start(request)).ConfigureAwait(false);
        }
        StopAction? action = manage switch
        {
            "offline" => StopAction.Offline,
            "move" => StopAction.Move,
            "unmanage" => StopAction.Unmanage,
            _ => null,
        };
        if (action is null)
        {
            return Error($"\"{manage}\" is not a valid value for MANAGE. Valid values are: offline, move, unmanage.");
        }
        return await services.StopAsync(new StopServices(nodes, when.Value, action.Value, broadcast), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>clmgr online|offline|move resource_group RG[,RG] [NODE=node]</c> (semantics §1.6, S10): clRGmove's work.</summary>
    private static async Task<CommandResult> GroupAsync(IClusterServices services, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var verb = Is(args[0], OnlineWords) ? "online" : Is(args[0], OfflineWords) ? "offline" : "move";
        var groups = new List<string>();
        string? node = null;
        foreach (var word in args.Skip(2))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                groups.AddRange(word.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (word[..eq].Equals("NODE", StringComparison.OrdinalIgnoreCase))
            {
                node = word[(eq + 1)..];
            }
            else
            {
                return Error($"\"{word[..eq].ToUpperInvariant()}\" is not a valid attribute for {verb} resource_group. Valid attributes are: NODE.");
            }
        }
        if (groups.Count == 0)
        {
            return CommandResult.Local(ClmgrRc.MissingInput, "", "ERROR: a resource group name is required.\n");
        }
        if (verb == "move" && node is null)
        {
            return CommandResult.Local(ClmgrRc.MissingInput, "", "ERROR: a destination node is required: NODE=<node>.\n");
        }
        var action = verb switch
        {
            "online" => MoveAction.Online,
            "offline" => MoveAction.Offline,
            _ => MoveAction.Move,
        };
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        var rc = 0;
        foreach (var group in groups)
        {
            var r = await services.MoveGroupAsync(new MoveGroup(group, action, node, "clmgr"), cancellationToken).ConfigureAwait(false);
            stdout.Append(r.Stdout);
            stderr.Append(r.Stderr);
            rc = r.ExitCode != 0 ? ClmgrRc.Error : rc;
        }
        return CommandResult.Local(rc, stdout.ToString(), stderr.ToString());
    }

    private static bool IsGroupClass(string word) => word.ToLowerInvariant() is "resource_group" or "rg";

    private static CommandResult Error(string message) => CommandResult.Local(ClmgrRc.IncorrectInput, "", "ERROR: " + message + "\n");

    private static bool Is(string word, string[] words) => words.Contains(word, StringComparer.OrdinalIgnoreCase);

    private static string? ClassOf(string word) => word.ToLowerInvariant() switch
    {
        "cluster" or "cl" => "cluster",
        "node" or "no" => "node",
        _ => null,
    };
}
