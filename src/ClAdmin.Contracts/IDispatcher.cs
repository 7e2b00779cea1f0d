namespace ClAdmin.Contracts;

/// <summary>The one entry point for running a command line, from a dialog, a script or `cladmin cmd`.</summary>
public interface IDispatcher
{
    Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken);
}
