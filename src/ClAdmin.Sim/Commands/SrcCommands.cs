using System.Globalization;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>System Resource Controller: lssrc, startsrc, stopsrc, refresh (aix-commands.md §3).</summary>
internal static class SrcCommands
{
    private const string Header = "Subsystem         Group            PID          Status ";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["lssrc"] = Lssrc;
        t["startsrc"] = Startsrc;
        t["stopsrc"] = Stopsrc;
        t["refresh"] = Refresh;
    }

    private static string Row(SrcSubsystem s) =>
        string.Format(CultureInfo.InvariantCulture, " {0,-16} {1,-16} {2,-12} {3}", s.Name, s.Group, s.Pid?.ToString(CultureInfo.InvariantCulture) ?? "", s.Status);

    private static (List<SrcSubsystem>? List, string? Error) Select(CommandContext ctx, Getopt g)
    {
        if (g.Value('s') is { } name)
        {
            var s = ctx.Node.Subsystems.Find(x => x.Name == name);
            return s is null ? (null, $"0513-085 The {name} Subsystem is not on file.") : ([s], null);
        }
        if (g.Value('g') is { } group)
        {
            var list = ctx.Node.Subsystems.Where(x => x.Group == group).ToList();
            return list.Count == 0 ? (null, $"0513-086 The {group} Group is not on file.") : (list, null);
        }
        return g.Has('a') ? (ctx.Node.Subsystems, null) : (null, null);
    }

    private static int Lssrc(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "s:g:alp:t:");
        var (list, error) = Select(ctx, g);
        if (g.BadFlag is { } bad || (list is null && error is null))
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "lssrc [-h host] -a | -g group | [-l] -s subsystem | [-l] -p pid");
        }
        if (error is not null)
        {
            return ctx.Fail(error);
        }
        if (g.Has('l') && list!.Count == 1 && list[0].Name == "clstrmgrES")
        {
            // The cluster manager's long status has no SRC header: its first line is "Current state:",
            // the line scripts read (aix-commands §3.1, outputs §5.1 VERBATIM).
            LongStatus(ctx);
            return 0;
        }
        if (g.Has('l') && list!.Count == 1 && list[0].Name is "topsvcs" or "grpsvcs")
        {
            return list[0].Name == "topsvcs" ? RsctCommands.Topsvcs(ctx, list[0], Header, Row(list[0])) : RsctCommands.Grpsvcs(ctx, list[0], Header, Row(list[0]));
        }
        ctx.Line(Header);
        foreach (var s in list!)
        {
            ctx.Line(Row(s));
        }
        return 0;
    }

    /// <summary>The long status of clstrmgrES: the 7.1.3 layout of powerha-outputs.md §5.1 [VERBATIM] without
    /// the CAA block (5.x), with the 5.5 sccsid and vrmf; the queue counts the events waiting, the DNP
    /// values come from each node's figures, the last line names the last event (its TE name cut to 12).</summary>
    private static void LongStatus(CommandContext ctx)
    {
        var (world, node) = (ctx.World, ctx.Node);
        var cluster = world.Cluster;
        ctx.Line($"Current state: {node.ClusterManagerState}");
        ctx.Line("sccsid = \"@(#)36\t1.135.1.118 src/43haes/usr/sbin/cluster/hacmprd/main.C, hacmp.pe, 53haes_r550, 1845A_hacmp550 10/21/08 13:31:46\"");
        ctx.Line("build = \"Oct 21 2008 13:31:46 0845A_hacmp550\"");
        ctx.Line(F($"i_local_nodeid {node.NodeNumber - 1}, i_local_siteid -1, my_handle {node.NodeNumber}"));
        ctx.Line(string.Join("     ", world.Nodes.Select((n, i) => F($"ml_idx[{n.NodeNumber}]={i}"))));
        ctx.Line(F($"There are {cluster.Queue.Count} events on the Ibcast queue"));
        ctx.Line("There are 0 events on the RM Ibcast queue");
        ctx.Line("CLversion: 10");
        ctx.Line("local node vrmf is 5500");
        ctx.Line("cluster fix level is \"0\"");
        ctx.Line("The following timer(s) are currently active:");
        ctx.Line("Current DNP values");
        foreach (var n in world.Nodes.Where(n => n.ClusterManagerState is not ("ST_INIT" or "NOT_CONFIGURED")).OrderByDescending(n => n.NodeNumber))
        {
            ctx.Line(F($"DNP Values for NodeId - {n.NodeNumber}  NodeName - {n.Name}"));
            ctx.Line(F($"PgSpFree = {n.Metrics.FreeMemoryMb * 256}  PvPctBusy = {n.Metrics.DiskBusyPercent}  PctTotalTimeIdle = {n.Metrics.CpuIdlePercent:0.000000}"));
        }
        ctx.Line("trcOn 0, kTraceOn 0, stopTraceOnExit 0, cdNodeOn 0");
        if (cluster.LastEvent.Length > 0)
        {
            var te = cluster.LastEvent.StartsWith("TE_", StringComparison.Ordinal) ? cluster.LastEvent[3..] : cluster.LastEvent;
            ctx.Line(F($"Last event run was {(te.Length > 12 ? te[..12] : te),-12}  on node {cluster.LastEventNode}"));
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static int Startsrc(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "s:g:a:e:t:");
        var (list, error) = Select(ctx, g);
        if (g.BadFlag is { } bad || (list is null && error is null))
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "startsrc [-a argument] [-e environment] -s subsystem | -g group");
        }
        if (error is not null)
        {
            return ctx.Fail(error);
        }
        var rc = 0;
        foreach (var s in list!)
        {
            if (s.Status == "active")
            {
                if (g.Has('s'))
                {
                    rc = ctx.Fail($"0513-029 The {s.Name} Subsystem is already active.\nMultiple instances are not supported.");
                }
                continue;
            }
            s.Pid = ctx.World.TakePid();
            s.Status = "active";
            ctx.Line($"0513-059 The {s.Name} Subsystem has been started. Subsystem PID is {s.Pid}.");
        }
        return rc;
    }

    private static int Stopsrc(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "s:g:fct:");
        var (list, error) = Select(ctx, g);
        if (g.BadFlag is { } bad || (list is null && error is null))
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "stopsrc [-f | -c] -s subsystem | -g group");
        }
        if (error is not null)
        {
            return ctx.Fail(error);
        }
        var rc = 0;
        foreach (var s in list!)
        {
            if (s.Status != "active")
            {
                if (g.Has('s'))
                {
                    rc = ctx.Fail($"0513-004 The Subsystem or Group, {s.Name}, is currently inoperative.");
                }
                continue;
            }
            s.Pid = null;
            s.Status = "inoperative";
            ctx.Line($"0513-044 The {s.Name} Subsystem was requested to stop.");
        }
        return rc;
    }

    private static int Refresh(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "s:g:");
        var (list, error) = Select(ctx, g);
        if (error is not null)
        {
            return ctx.Fail(error);
        }
        if (list is null)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "refresh -s subsystem | -g group");
        }
        ctx.Line("0513-095 The request for subsystem refresh was completed successfully.");
        return 0;
    }
}
