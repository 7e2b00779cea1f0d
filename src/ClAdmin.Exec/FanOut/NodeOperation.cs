using ClAdmin.Contracts;

namespace ClAdmin.Exec.FanOut;

/// <summary>
/// What to run on each node, and optionally how to undo it: when the operation fails on some
/// node, the rollback runs on every node where it had succeeded.
/// </summary>
public sealed record NodeOperation(Func<string, NodeCommand> Command)
{
    public Func<string, NodeCommand>? Rollback { get; init; }

    /// <summary>The same words on every node (<paramref name="ownConnection"/>: see <see cref="NodeCommand.OwnConnection"/>).</summary>
    public static NodeOperation Same(IReadOnlyList<string> argv, string standardInput = "", bool ownConnection = false) =>
        new(node => new NodeCommand(node, argv) { StandardInput = standardInput, OwnConnection = ownConnection });
}
