using System.Text;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Shell;

/// <summary>One simple command being run on a node: its words, standard input and the two
/// output streams, plus the world and node it acts on.</summary>
internal sealed class CommandContext(SimWorld world, SimNode node, string name, IReadOnlyList<string> args, string stdin)
{
    public SimWorld World { get; } = world;

    public SimNode Node { get; } = node;

    public string Name { get; } = name;

    public IReadOnlyList<string> Args { get; } = args;

    public string Stdin { get; } = stdin;

    public StringBuilder Out { get; } = new();

    public StringBuilder Err { get; } = new();

    public int Fail(string stderrText, int exitCode = 1)
    {
        Err.Append(stderrText);
        if (stderrText.Length > 0 && stderrText[^1] != '\n')
        {
            Err.Append('\n');
        }
        return exitCode;
    }

    public void Line(string text) => Out.Append(text).Append('\n');

    /// <summary>Usage error for an unknown flag, as AIX getopt callers print it.</summary>
    public int BadFlag(char flag, string usage)
    {
        Err.Append(Name).Append(": Not a recognized flag: ").Append(flag).Append('\n');
        Err.Append("Usage: ").Append(usage).Append('\n');
        return 2;
    }
}
