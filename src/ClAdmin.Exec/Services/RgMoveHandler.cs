using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;

namespace ClAdmin.Exec.Services;

/// <summary>
/// User requests to the cluster manager: <c>clRGmove -g RG[,RG] [-n NODE] {-m|-u|-d} [-r] [-s true|false] [-i]</c>
/// as the Move, Bring Online and Bring Offline dialogs build it (semantics §1.6, S10; -r: back to the
/// highest-priority available node), and <c>clruncmd NODE</c> (Recover From Script Failure, §4.1).
/// The work is the cluster manager's, through <see cref="IClusterServices"/>.
/// </summary>
public sealed class RgMoveHandler(IClusterServices services) : ICommandHandler
{
    private const string MoveUsage = "Usage: clRGmove -g <group>[,<group>...] [-n <node> | -r] {-m | -u | -d} [-s true|false] [-i]";

    public IReadOnlyCollection<string> Names { get; } = ["clRGmove", "clruncmd"];

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Name == "clruncmd")
        {
            var args = invocation.Arguments.Where(a => a != "--").ToList();
            if (args.Count != 1 || args[0].StartsWith('-'))
            {
                return CommandResult.Local(2, "", "clruncmd: a node name is required\nUsage: clruncmd <node>\n");
            }
            return await services.RecoverAsync(args[0], cancellationToken).ConfigureAwait(false);
        }
        var groups = new List<string>();
        string? node = null;
        MoveAction? action = null;
        var restore = false;
        var a = invocation.Arguments;
        for (var i = 0; i < a.Count; i++)
        {
            switch (a[i])
            {
                case "-g" or "-n" or "-s" when i + 1 >= a.Count:
                    return Usage($"{a[i]} needs a value");
                case "-g":
                    groups.AddRange(a[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "-n":
                    node = a[++i];
                    break;
                case "-s":
                    if (a[++i] is not ("true" or "false"))
                    {
                        return Usage($"-s takes true or false, not '{a[i]}'");
                    }
                    break;
                case "-m": action = MoveAction.Move; break;
                case "-u": action = MoveAction.Online; break;
                case "-d": action = MoveAction.Offline; break;
                case "-r": restore = true; break;
                case "-i": break;
                case "-x":
                    return CommandResult.Local(1, "", "clRGmove: ERROR: moving a resource group to another site (-x) needs a cluster with sites; this cluster has none.\n");
                default:
                    return Usage($"unexpected argument '{a[i]}'");
            }
        }
        if (groups.Count == 0)
        {
            return Usage("a resource group (-g) is required");
        }
        if (action is null)
        {
            return Usage("one of -m, -u or -d is required");
        }
        if (restore && node is not null)
        {
            return Usage("-r and -n cannot be used together");
        }
        if (action == MoveAction.Move && node is null && !restore)
        {
            return Usage("a move needs a destination node (-n) or -r");
        }
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        var rc = 0;
        foreach (var group in groups)
        {
            var r = await services.MoveGroupAsync(new MoveGroup(group, action.Value, node), cancellationToken).ConfigureAwait(false);
            stdout.Append(r.Stdout);
            stderr.Append(r.Stderr);
            rc = Math.Max(rc, r.ExitCode);
        }
        return CommandResult.Local(rc, stdout.ToString(), stderr.ToString());
    }

    private static CommandResult Usage(string error) => CommandResult.Local(2, "", $"clRGmove: {error}\n{MoveUsage}\n");
}
