using ClAdmin.Contracts;

namespace ClAdmin;

/// <summary>SMIT's COMMAND STATUS as plain lines (smit.md §3.6), for `cladmin run`.</summary>
public static class CommandStatus
{
    public static void Write(TextWriter output, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var status = ExitCodes.Of(result) == ExitCodes.Ok ? "OK" : "failed";
        output.WriteLine("COMMAND STATUS");
        output.WriteLine();
        output.WriteLine($"{"Command: " + status,-23}{"stdout: " + YesNo(result.Stdout),-22}stderr: {YesNo(result.Stderr)}");
        output.WriteLine();
        output.WriteLine("Before command completion, additional instructions may appear below.");
        output.WriteLine();
        output.Write(result.Stdout);
        output.Write(result.Stderr);
        if (result.Nodes.Count > 1 || result.Nodes.Any(n => n.Outcome != NodeOutcome.Ok))
        {
            output.WriteLine();
            foreach (var node in result.Nodes)
            {
                output.WriteLine($"{node.Node,-16}{ResultJson.OutcomeName(node.Outcome).Replace('_', ' ')}{(node.Outcome == NodeOutcome.Failed ? $" (rc {node.ExitCode})" : "")}");
            }
        }
    }

    private static string YesNo(string text) => text.Length > 0 ? "yes" : "no";
}
