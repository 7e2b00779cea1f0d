using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// An application program of the file tree, as the start/stop/monitor scripts of an application
/// server call it: `PROGRAM start` starts its process (silent), `stop` ends it, `status` exits 0
/// when it runs and 1 when not. A file is such a program when its content starts with
/// <see cref="Marker"/> followed by the process name.
/// </summary>
internal static class AppDaemon
{
    public const string Marker = "#!sim-daemon ";

    public static string ProcessName(SimFile file)
    {
        var firstLine = file.Content.Split('\n')[0];
        return firstLine[Marker.Length..].Trim();
    }

    public static int Run(CommandContext ctx, SimFile file)
    {
        var process = ProcessName(file);
        var running = ctx.Node.Processes.Find(p => p.Command == process);
        switch (ctx.Args.Count > 0 ? ctx.Args[0] : "")
        {
            case "start":
                if (running is null)
                {
                    ctx.Node.Processes.Add(new SimProcess { Pid = ctx.World.TakePid(), Command = process, Started = ctx.World.Clock });
                }
                return 0;
            case "stop":
                if (running is not null)
                {
                    ctx.Node.Processes.Remove(running);
                }
                return 0;
            case "status":
                if (running is null)
                {
                    ctx.Line($"{process} is not running");
                    return 1;
                }
                ctx.Line($"{process} is running (pid {running.Pid})");
                return 0;
            default:
                return ctx.Fail($"Usage: {ctx.Name} start|stop|status");
        }
    }
}
