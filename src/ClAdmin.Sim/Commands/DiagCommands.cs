using ClAdmin.Cluster.Odm;
using ClAdmin.Shell;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// <c>cldiag</c> on a simulated node, as the Problem Determination menu's "HACMP Trace Facility"
/// and "HACMP Error Notification" dialogs run it (menus/problem.json):
/// <list type="bullet">
/// <item><c>trace daemon on|off -- DAEMON</c>, <c>trace start [-j IDS] [-f FILE] [-s SIZE]</c>,
/// <c>trace stop</c>, <c>trace report [-j IDS] [-i FILE] [-o FILE]</c>: which daemons are traced
/// and whether the trace runs are kept in the node's <see cref="TraceState"/>; the report lists
/// them (a simulated node records no trace hooks: the report says so).</item>
/// <item><c>errnotify add|change|show -c|remove|emulate|list</c>: the node's AIX errnotify objects
/// (<see cref="ErrnotifyPath"/>, odmget stanzas with AIX's en_* descriptors); emulate runs the
/// notify method as errpt would, with the object's name as $1.</item>
/// <item><c>errnotify auto list|add|remove</c>: HACMP's automatic error notification methods.</item>
/// </list>
/// Output texts are reconstructed [U].
/// </summary>
internal static class DiagCommands
{
    public const string ErrnotifyPath = "/etc/objrepos/errnotify";

    /// <summary>The daemons traced and whether a trace runs [U: kept as a small stanza file of the simulator].</summary>
    public const string TraceState = "/usr/es/sbin/cluster/etc/cldiag.trace";

    private const string Usage = "Usage: cldiag trace {daemon {on|off} Daemon | start [-j EventIds] [-f LogFile] [-s BufferSize] | stop | report [-j EventIds] [-i LogFile] [-o ReportFile]}\n"
        + "       cldiag errnotify {add | change | show -c | remove | emulate | list | auto {list | add | remove}} ...";

    private static readonly string[] Daemons = ["clstrmgrES", "clinfoES", "clcomdES"];

    /// <summary>The dialog fields (discovery names) and the errnotify descriptors they are kept in, with the dialog's default.</summary>
    private static readonly (char Flag, string Field, string Descriptor, string Default)[] Fields =
    [
        ('p', "PERSIST", "en_persistenceflg", "No"),
        ('i', "PID", "en_pid", ""),
        ('c', "CLASS", "en_class", "None"),
        ('t', "TYPE", "en_type", "None"),
        ('a', "ALERT", "en_alertflg", "None"),
        ('l', "LABEL", "en_label", ""),
        ('N', "RESOURCE", "en_resource", "All"),
        ('C', "RCLASS", "en_rclass", "All"),
        ('T', "RTYPE", "en_rtype", "All"),
        ('m', "METHOD", "en_method", ""),
    ];

    /// <summary>HACMP's automatic error notification: the objects "auto add" creates for the cluster's disks [U names].</summary>
    private const string AutoPrefix = "HA_";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t) => t["cldiag"] = Cldiag;

    private static List<OdmObject> Read(SimNode node, string path) =>
        node.Files.TryGetValue(path, out var f) ? [.. OdmStanza.Parse(f.Content).Objects] : [];

    private static void Write(CommandContext ctx, string path, IEnumerable<OdmObject> objects) =>
        FileTree.Write(ctx.World, ctx.Node, path, OdmStanza.Format(objects), append: false);

    private static int Cldiag(CommandContext ctx)
    {
        var a = ctx.Args;
        return a.Count < 2 ? ctx.Fail(Usage, 2)
            : a[0] == "trace" ? Trace(ctx, a[1], [.. a.Skip(2)])
            : a[0] == "errnotify" ? Errnotify(ctx, a[1], [.. a.Skip(2)])
            : ctx.Fail(Usage, 2);
    }

    private static int Trace(CommandContext ctx, string verb, List<string> args)
    {
        var state = Read(ctx.Node, TraceState);
        switch (verb)
        {
            case "daemon" when args.Count >= 2 && args[0] is "on" or "off":
                var g = Getopt.Parse(args.Skip(1).ToList(), "");
                if (g.Operands.Count != 1)
                {
                    return ctx.Fail(Usage, 2);
                }
                var daemon = g.Operands[0];
                if (!Daemons.Contains(daemon))
                {
                    return ctx.Fail($"cldiag: {daemon} is not a daemon HACMP traces (one of {string.Join(", ", Daemons)}).", 2);
                }
                state.RemoveAll(o => o.Class == "daemon" && o.Get("name") == daemon);
                if (args[0] == "on")
                {
                    state.Add(new OdmObject("daemon", [new OdmAttribute("name", daemon)]));
                }
                Write(ctx, TraceState, state);
                ctx.Line($"Tracing of {daemon} is now {args[0]} on {ctx.Node.Name}.");
                return 0;
            case "start":
                var s = Getopt.Parse(args, "j:f:s:");
                if (s.BadFlag is not null || s.Operands.Count > 0)
                {
                    return ctx.Fail(Usage, 2);
                }
                var file = s.Value('f') ?? "/var/adm/ras/trcfile";
                state.RemoveAll(o => o.Class == "trace");
                state.Add(new OdmObject("trace", [new OdmAttribute("file", file), new OdmAttribute("events", s.Value('j') ?? ""), new OdmAttribute("started", ctx.World.Clock.ToString("u", System.Globalization.CultureInfo.InvariantCulture))]));
                Write(ctx, TraceState, state);
                FileTree.Write(ctx.World, ctx.Node, file, "", append: true);
                ctx.Line($"Trace started on {ctx.Node.Name}: daemons {(state.Any(o => o.Class == "daemon") ? string.Join(" ", state.Where(o => o.Class == "daemon").Select(o => o.Get("name"))) : "(none: turn one on first)")}, log {file}.");
                return 0;
            case "stop":
                if (!state.Any(o => o.Class == "trace"))
                {
                    return ctx.Fail($"cldiag: no trace is running on {ctx.Node.Name}.", 1);
                }
                state.RemoveAll(o => o.Class == "trace");
                Write(ctx, TraceState, state);
                ctx.Line($"Trace stopped on {ctx.Node.Name}.");
                return 0;
            case "report":
                var r = Getopt.Parse(args, "j:i:o:");
                var input = r.Value('i') ?? "/var/adm/ras/trcfile";
                if (!ctx.Node.Files.ContainsKey(FileTree.Absolute(input)))
                {
                    return ctx.Fail($"cldiag: {input}: no trace log on {ctx.Node.Name} (start a trace first).", 1);
                }
                var report = $"Trace report of {input} on {ctx.Node.Name}: the simulated daemons record no trace hooks.\n";
                if (r.Value('o') is { Length: > 0 } output)
                {
                    FileTree.Write(ctx.World, ctx.Node, output, report, append: false);
                }
                else
                {
                    ctx.Out.Append(report);
                }
                return 0;
            default:
                return ctx.Fail(Usage, 2);
        }
    }

    private static int Errnotify(CommandContext ctx, string verb, List<string> args)
    {
        var objects = Read(ctx.Node, ErrnotifyPath);
        switch (verb)
        {
            case "list":
                foreach (var o in objects.Where(o => !o.Get("en_name").StartsWith(AutoPrefix, StringComparison.Ordinal)))
                {
                    ctx.Line(o.Get("en_name"));
                }
                return 0;
            case "add" or "change":
                var g = Getopt.Parse(args, "n:p:i:c:t:a:l:N:C:T:m:");
                var name = verb == "add" ? g.Value('n') : g.Operands.FirstOrDefault();
                if (g.BadFlag is not null || name is null || (verb == "add" ? g.Operands.Count > 0 : g.Operands.Count != 1))
                {
                    return ctx.Fail(Usage, 2);
                }
                var old = objects.Find(o => o.Get("en_name") == name);
                if (verb == "add" && old is not null)
                {
                    return ctx.Fail($"cldiag: a notification object named {name} already exists.", 1);
                }
                if (verb == "change" && old is null)
                {
                    return ctx.Fail($"cldiag: no notification object named {name}.", 1);
                }
                var attributes = new List<OdmAttribute> { new("en_name", name) };
                foreach (var f in Fields)
                {
                    attributes.Add(new OdmAttribute(f.Descriptor, g.Value(f.Flag) ?? old?[f.Descriptor] ?? f.Default));
                }
                if (attributes.Find(x => x.Name == "en_method")!.Value.Length == 0)
                {
                    return ctx.Fail("cldiag: a Notify Method is required (-m).", 2);
                }
                objects.RemoveAll(o => o.Get("en_name") == name);
                objects.Add(new OdmObject("errnotify", attributes));
                Write(ctx, ErrnotifyPath, objects);
                return 0;
            case "show":
                var sg = Getopt.Parse(args, "c");
                if (sg.Operands.Count != 1 || objects.Find(o => o.Get("en_name") == sg.Operands[0]) is not { } shown)
                {
                    return sg.Operands.Count == 1 ? ctx.Fail($"cldiag: no notification object named {sg.Operands[0]}.", 1) : ctx.Fail(Usage, 2);
                }
                ctx.Line("#_rawname:" + string.Join(':', Fields.Select(f => f.Field)));
                ctx.Line(shown.Get("en_name") + ":" + string.Join(':', Fields.Select(f => shown.Get(f.Descriptor))));
                return 0;
            case "remove" or "emulate":
                var rg = Getopt.Parse(args, "");
                if (rg.Operands.Count != 1)
                {
                    return ctx.Fail(Usage, 2);
                }
                if (objects.Find(o => o.Get("en_name") == rg.Operands[0]) is not { } found)
                {
                    return ctx.Fail($"cldiag: no notification object named {rg.Operands[0]}.", 1);
                }
                if (verb == "remove")
                {
                    objects.Remove(found);
                    Write(ctx, ErrnotifyPath, objects);
                    return 0;
                }
                var run = SimShell.Execute(ctx.World, ctx.Node.Name, found.Get("en_method") + " " + ShellWords.Quote(found.Get("en_name")));
                ctx.Out.Append(run.Stdout);
                ctx.Err.Append(run.Stderr);
                ctx.Line($"Emulated an error log entry for {found.Get("en_name")} on {ctx.Node.Name}: notify method exit code {run.ExitCode}.");
                return run.ExitCode == 0 ? 0 : 1;
            case "auto" when args.Count == 1 && args[0] is "list" or "add" or "remove":
                var auto = objects.Where(o => o.Get("en_name").StartsWith(AutoPrefix, StringComparison.Ordinal)).ToList();
                if (args[0] == "list")
                {
                    foreach (var o in auto)
                    {
                        ctx.Line($"{o.Get("en_name")} {o.Get("en_resource")} {o.Get("en_method")}");
                    }
                    return 0;
                }
                objects.RemoveAll(auto.Contains);
                if (args[0] == "add")
                {
                    foreach (var vg in ctx.Node.VolumeGroups.Where(v => v.Name != "rootvg"))
                    {
                        objects.Add(new OdmObject("errnotify",
                        [
                            new("en_name", AutoPrefix + vg.Name), new("en_persistenceflg", "Yes"), new("en_class", "Hardware"), new("en_type", "PERM"),
                            new("en_resource", vg.Name), new("en_method", "/usr/es/sbin/cluster/diag/cl_failover $1"),
                        ]));
                    }
                }
                Write(ctx, ErrnotifyPath, objects);
                return 0;
            default:
                return ctx.Fail(Usage, 2);
        }
    }
}
