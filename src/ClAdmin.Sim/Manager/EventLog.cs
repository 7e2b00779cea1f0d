using System.Globalization;
using System.Text;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// Writes a node's cluster logs in its own file tree (semantics §4.4, outputs §1 and §9):
/// hacmp.out (markers, trace lines, command output, summaries), cluster.log, clstrmgr.debug and
/// the history file cluster.mmddyyyy. What it writes as markers is also kept in
/// <see cref="Transcript"/>, which a cluster command prints as what happened.
/// </summary>
public sealed class EventLog(SimWorld world)
{
    /// <summary>"node: marker line" for every EVENT START/COMPLETED written, in order.</summary>
    public StringBuilder Transcript { get; } = new();

    public void Marker(SimNode node, string kind, string text)
    {
        var line = $"{ManagerTexts.MarkerTime(world.Clock)} EVENT {kind}: {text}";
        Append(node, ManagerTexts.HacmpOut, line + "\n");
        Append(node, ManagerTexts.ClusterLog, $"{ManagerTexts.MarkerTime(world.Clock)} {node.Name} {ManagerTexts.ClusterLogTag} EVENT {kind}: {text}\n");
        Append(node, HistoryFile(), line + "\n");
        Transcript.Append(node.Name).Append(": ").Append(line).Append('\n');
    }

    /// <summary>A line of hacmp.out only (trace, command output, summary).</summary>
    public void Out(SimNode node, string text) => Append(node, ManagerTexts.HacmpOut, text.EndsWith('\n') ? text : text + "\n");

    public void Debug(SimNode node, string message) =>
        Append(node, ManagerTexts.ClstrmgrDebug, ManagerTexts.DebugTime(world.Clock) + message + "\n");

    /// <summary>The reconstructed event summary block after an event the cluster manager started.</summary>
    public void Summary(SimNode node, string evt, DateTime start, IReadOnlyList<(string Action, string Resource, string Script)> rows)
    {
        var sb = new StringBuilder();
        sb.Append('\n').Append(ManagerTexts.SummaryTitle).Append('\n');
        sb.Append("Event: ").Append(ManagerTexts.TeName(evt)).Append('\n');
        sb.Append("Start time: ").Append(ManagerTexts.CTime(start)).Append("\n\n");
        sb.Append("End time: ").Append(ManagerTexts.CTime(world.Clock)).Append("\n\n");
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"{"Action:",-26}{"Resource:",-32}Script Name:\n"));
        sb.Append(new string('-', 76)).Append('\n');
        foreach (var (action, resource, script) in rows)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"{action,-26}{resource,-32}{script}\n"));
        }
        sb.Append(new string('-', 76)).Append('\n');
        Out(node, sb.ToString());
        Append(node, ManagerTexts.EventSummaryFile, sb.ToString());
    }

    /// <summary>A clavan.log record on the node (AvailabilityLog), at the simulated time.</summary>
    public void Availability(SimNode node, string mnemonic, IReadOnlyList<string> data, string text) =>
        Append(node, ClAdmin.Contracts.AvailabilityLog.Path, ClAdmin.Contracts.AvailabilityLog.Record(world.Clock, mnemonic, data, text) + "\n");

    /// <summary>The records of a group coming online on a node: each application started, then the group.</summary>
    public void GroupOnline(SimNode node, string group, IEnumerable<string> applications)
    {
        foreach (var app in applications)
        {
            Availability(node, "umtappstart", [app, node.Name], ClAdmin.Contracts.AvailabilityLog.ApplicationStarted(app, node.Name));
        }
        Availability(node, "umtrgonln", [group, node.Name], ClAdmin.Contracts.AvailabilityLog.GroupOnline(group, node.Name));
    }

    /// <summary>The records of a group released from a node: each application stopped, then the group.</summary>
    public void GroupOffline(SimNode node, string group, IEnumerable<string> applications)
    {
        foreach (var app in applications)
        {
            Availability(node, "umtappstop", [app, node.Name], ClAdmin.Contracts.AvailabilityLog.ApplicationStopped(app, node.Name));
        }
        Availability(node, "umtrgoffln", [group, node.Name], ClAdmin.Contracts.AvailabilityLog.GroupOffline(group, node.Name));
    }

    private string HistoryFile() =>
        string.Create(CultureInfo.InvariantCulture, $"{ManagerTexts.HistoryDirectory}/cluster.{world.Clock:MMddyyyy}");

    private void Append(SimNode node, string path, string text) => FileTree.Write(world, node, path, text, append: true);
}
