using ClAdmin.Cluster;
using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The cluster manager's side of topology services (semantics §7.7, R-DETECT): the deadman switch
/// that halts a hung node, and the end of a partition, when the sides hear each other again and
/// one of them is halted.
/// </summary>
public sealed partial class ClusterManager
{
    /// <summary>The deadman switch (§7.7, outputs §7.1): the hung node's cluster manager did not reset it within the trip
    /// interval: the line in the deadman log, then the node halts (a crash), its heartbeats silent since it hung.</summary>
    private static void Deadman(SimWorld world, string name)
    {
        if (world.FindNode(name) is not { Up: true } node)
        {
            return;
        }
        var hang = world.Faults.Find(f => f.Kind == Heartbeats.HangKind && f.Target == name);
        var since = hang?.Since ?? world.Clock;
        FileTree.Write(world, node, HeartbeatTexts.DeadmanLog, HeartbeatTexts.DeadmanLine(world.Clock, name, world.Clock - since) + "\n", append: true);
        Halt(world, node, since);
        if (hang is not null)
        {
            world.Faults.Remove(hang);
        }
    }

    /// <summary>The end of a partition (§7.7): the sides hear each other again; the smaller one (on a tie, the one
    /// without the first node of the cluster) is halted to end disk contention and duplicate addresses
    /// [RECONSTRUCTED: which side goes is semantics open question 8]. Its peers then notice the halted nodes down.</summary>
    private static void Merge(SimWorld world, ClusterConfiguration config, IReadOnlyList<string> healed)
    {
        var order = config.Nodes.Select(n => n.Name).ToList();
        var sides = healed.Select(f => f.Split(':')).GroupBy(p => p[2], p => p[1])
            .Select(g => g.Where(n => world.FindNode(n) is { Up: true }).ToList()).Where(s => s.Count > 0)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Min(order.IndexOf)).ToList();
        if (sides.Count < 2)
        {
            return;
        }
        foreach (var name in sides.Skip(1).SelectMany(s => s))
        {
            var node = world.FindNode(name)!;
            FileTree.Write(world, node, ManagerTexts.HacmpOut, HeartbeatTexts.MergeHalt(name, sides[0]) + "\n", append: true);
            Halt(world, node, world.Clock);
        }
    }

    /// <summary>Halts the node as a crash does (a fault that <c>sim repair node</c> ends), dated <paramref name="since"/>.</summary>
    private static void Halt(SimWorld world, SimNode node, DateTime since)
    {
        SimFaults.Fail(world, "node", node.Name);
        if (world.Faults.Find(f => f.Kind == "node" && f.Target == node.Name) is { } fault)
        {
            fault.Since = since;
        }
    }
}
