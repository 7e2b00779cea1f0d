namespace ClAdmin.Contracts;

/// <summary>What one node did with one command.</summary>
public sealed record NodeResult(string Node, NodeOutcome Outcome, int ExitCode, string Stdout, string Stderr, TimeSpan Duration)
{
    /// <summary>For a command stopped by its time limit or by Ctrl-C: whether the node confirmed
    /// the stop. <see cref="RemoteStop.None"/> when nothing had to be stopped.</summary>
    public RemoteStop Stop { get; init; }
}

/// <summary>What became of a command that had to be stopped, as far as its node said.</summary>
public enum RemoteStop
{
    /// <summary>Nothing was stopped: the command ran to its end, or never started.</summary>
    None,

    /// <summary>The command was stopped where it ran (or had just ended there).</summary>
    Confirmed,

    /// <summary>A stop was asked for and not confirmed: the command may still run on the node.</summary>
    Unconfirmed,
}
