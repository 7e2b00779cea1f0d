namespace ClAdmin.Exec.Dispatch;

/// <summary>What one node did with one command.</summary>
public sealed record NodeResult(string Node, NodeOutcome Outcome, int ExitCode, string Stdout, string Stderr, TimeSpan Duration);
