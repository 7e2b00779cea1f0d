namespace ClAdmin.Sim.Shell;

/// <summary>What a simulated node answered: exit code and both streams, or nothing at all when
/// the node cannot be reached (crashed, or every interface down).</summary>
public sealed record ShellResult(bool Reachable, int ExitCode, string Stdout, string Stderr)
{
    public static ShellResult Unreachable { get; } = new(false, 255, "", "");
}
