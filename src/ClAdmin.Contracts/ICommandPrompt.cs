namespace ClAdmin.Contracts;

/// <summary>
/// A yes/no question a running command asks its user, as clverify does before each corrective
/// action when errors are corrected "Interactively". The screens show it in COMMAND STATUS and
/// read y or n there; linear mode asks it on its own line. A request without one (cladmin cmd,
/// cladmin run, a script) has no one to ask: the command must then not wait for an answer.
/// </summary>
public interface ICommandPrompt
{
    /// <summary>Shows <paramref name="question"/> (one line, as "... (y/n)") and waits for the answer: true for yes.</summary>
    /// <exception cref="OperationCanceledException">The command was stopped while it waited.</exception>
    Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken);
}
