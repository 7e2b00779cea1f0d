using ClAdmin.Contracts;
namespace ClAdmin.Exec.Dispatch;

/// <summary>
/// The implementation of commands the dispatcher knows (clmgr, a C-SPOC cl_* command, a cluster
/// utility). Errors a user can cause are results (exit code and message on stderr, as the real
/// command prints them), not exceptions.
/// </summary>
public interface ICommandHandler
{
    /// <summary>The command names served, without paths (they must be in commands.json).</summary>
    IReadOnlyCollection<string> Names { get; }

    Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken);
}
