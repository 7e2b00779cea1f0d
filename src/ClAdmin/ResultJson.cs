using System.Text.Json;
using ClAdmin.Contracts;

namespace ClAdmin;

/// <summary>
/// The --json form of a command's result: one object, field names stable and documented in
/// README ("JSON results"). Outcomes are written in snake case: ok, failed, timed_out,
/// unreachable, cancelled.
/// </summary>
public static class ResultJson
{
    public static void Write(TextWriter output, string commandLine, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("command", commandLine);
            json.WriteString("status", ExitCodes.Of(result) == ExitCodes.Ok ? "ok" : "failed");
            json.WriteNumber("exitCode", result.ExitCode);
            json.WriteString("stdout", result.Stdout);
            json.WriteString("stderr", result.Stderr);
            json.WriteStartArray("nodes");
            foreach (var node in result.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("node", node.Node);
                json.WriteString("outcome", OutcomeName(node.Outcome));
                json.WriteNumber("exitCode", node.ExitCode);
                json.WriteString("stdout", node.Stdout);
                json.WriteString("stderr", node.Stderr);
                json.WriteNumber("durationMs", (long)node.Duration.TotalMilliseconds);
                if (node.Stop != RemoteStop.None)
                {
                    json.WriteString("stop", node.Stop == RemoteStop.Confirmed ? "confirmed" : "unconfirmed");
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static string OutcomeName(NodeOutcome outcome) => outcome switch
    {
        NodeOutcome.Ok => "ok",
        NodeOutcome.Failed => "failed",
        NodeOutcome.TimedOut => "timed_out",
        NodeOutcome.Unreachable => "unreachable",
        _ => "cancelled",
    };
}
