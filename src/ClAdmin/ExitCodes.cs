namespace ClAdmin;

/// <summary>cladmin's exit codes (ARCHITECTURE.md, Conventions).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command failed on at least one node.</summary>
    public const int Failed = 1;
    /// <summary>Usage or validation error; the message names the field, file or argument.</summary>
    public const int Usage = 2;
    /// <summary>Internal error.</summary>
    public const int Internal = 3;

    /// <summary>cladmin's exit code for a command's result: 0 only when the command exited 0 and
    /// every target node ended ok; 1 whenever any node failed, timed out, was unreachable or was
    /// cancelled (no flag needed, unlike clush).</summary>
    public static int Of(ClAdmin.Contracts.CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ExitCode == 0 && result.Nodes.All(n => n.Outcome == ClAdmin.Contracts.NodeOutcome.Ok) ? Ok : Failed;
    }

    /// <summary>cladmin's exit code for a repository that cannot be used: 1 when it may work later
    /// (busy, disk full), 2 when the user must change something.</summary>
    public static int Of(Store.StoreException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.IsTransient ? Failed : Usage;
    }
}
