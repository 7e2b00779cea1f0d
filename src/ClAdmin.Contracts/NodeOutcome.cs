namespace ClAdmin.Contracts;

/// <summary>How a command ended on one node. Kept apart on purpose: an ssh connection failure
/// is not a remote command that exited 255.</summary>
public enum NodeOutcome
{
    /// <summary>Ran and exited 0.</summary>
    Ok,
    /// <summary>Ran and exited non-zero (see <see cref="NodeResult.ExitCode"/>).</summary>
    Failed,
    /// <summary>Ran past its timeout; the remote command was stopped.</summary>
    TimedOut,
    /// <summary>The node could not be reached; nothing ran.</summary>
    Unreachable,
    /// <summary>Stopped by the user (Ctrl-C) before it ended.</summary>
    Cancelled,
}
