using System.Globalization;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// HACMP's <c>/usr/es/sbin/cluster/utilities/clchsyncd [Frequency]</c>: alone it prints the node's
/// syncd frequency (<c>syncd frequency: 60</c>: the label is the one scripts parse, the rest [U]); with a
/// number it rewrites the syncd line of /sbin/rc.boot (<c>nohup /usr/sbin/syncd N &gt; /dev/null 2&gt;&amp;1 &amp;</c>),
/// silently. A node whose rc.boot has no such line runs AIX's default, 60 seconds.
/// </summary>
internal static class SyncdCommand
{
    public const string RcBoot = "/sbin/rc.boot";

    private const string Syncd = "/usr/sbin/syncd ";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t) => t["clchsyncd"] = Clchsyncd;

    private static int Clchsyncd(CommandContext ctx)
    {
        var file = ctx.Node.Files.TryGetValue(RcBoot, out var f) ? f : null;
        var lines = (file?.Content ?? "").Split('\n').ToList();
        var at = lines.FindIndex(l => l.Contains(Syncd, StringComparison.Ordinal));
        if (ctx.Args.Count == 0)
        {
            var current = at < 0 ? "60" : lines[at][(lines[at].IndexOf(Syncd, StringComparison.Ordinal) + Syncd.Length)..].Split(' ')[0];
            ctx.Line($"syncd frequency: {current}");
            return 0;
        }
        if (ctx.Args.Count > 1 || !int.TryParse(ctx.Args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            return ctx.Fail("Usage: clchsyncd [Frequency]");
        }
        var line = $"nohup {Syncd}{seconds.ToString(CultureInfo.InvariantCulture)} > /dev/null 2>&1 &";
        if (file is null)
        {
            FileTree.AddDirectory(ctx.Node, "/sbin");
            ctx.Node.Files[RcBoot] = new SimFile { Content = line + "\n", Mode = "-rwxr--r--", Modified = ctx.World.Clock };
            return 0;
        }
        if (at >= 0)
        {
            lines[at] = line;
            file.Content = string.Join('\n', lines);
        }
        else
        {
            file.Content += (file.Content.Length == 0 || file.Content.EndsWith('\n') ? "" : "\n") + line + "\n";
        }
        file.Modified = ctx.World.Clock;
        return 0;
    }
}
