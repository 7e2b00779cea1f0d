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
        ctx.Line(Header);
        foreach (var s in list!)
        {
            ctx.Line(Row(s));
        }
        if (g.Has('l') && list!.Count == 1 && list[0].Name == "clstrmgrES")
        {
            ctx.Line($"Current state: {ctx.Node.ClusterManagerState}");
            ctx.Line("sccsid = \"@(#)36	1.135.1.118 src/43haes/usr/sbin/cluster/hacmprd/main.C, hacmp.pe, 53haes_r550, 1845A_hacmp550 10/21/08 13:31:46\"");
            ctx.Line($"i_local_nodeid {ctx.Node.NodeNumber - 1}, i_local_siteid -1, my_handle {ctx.Node.NodeNumber}");
            ctx.Line("There are 0 events on the Ibcast queue");
            ctx.Line("There are 0 events on the RM Ibcast queue");
            ctx.Line("CLversion: 10");
            ctx.Line("local node vrmf is 5500");
            ctx.Line("cluster fix level is \"0\"");
            ctx.Line("The following timer(s) are currently active:");
        }
        return 0;
    }

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
