using System.Text;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary>clshowsrv's output (§6.3, the HACMP 5.x form [C]): lssrc rows under a
/// "Subsystem  Group  PID  Status" header; -v in three blocks (RSCT, HACMP, optional HACMP).</summary>
public static class ServicesFormatter
{
    private static readonly HashSet<string> HacmpSubsystems = new(["clcomdES", "clstrmgrES", "clsmuxpdES"], StringComparer.Ordinal);
    private static readonly HashSet<string> OptionalSubsystems = new(["clinfoES"], StringComparer.Ordinal);

    public static string Header { get; } = Text.Pad("Subsystem", 18) + Text.Pad("Group", 17) + Text.Pad("PID", 13) + "Status";

    /// <summary>One lssrc row: " name group pid status", pid blank when the subsystem is inoperative.</summary>
    public static string Row(SubsystemStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var pid = s.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return " " + Text.Pad(s.Name, 17) + Text.Pad(s.Group, 17) + Text.Pad(pid, 13) + (s.Active ? "active" : "inoperative");
    }

    /// <summary>clshowsrv -v: the three blocks, a blank line between them.</summary>
    public static string Verbose(IReadOnlyList<SubsystemStatus> subsystems)
    {
        ArgumentNullException.ThrowIfNull(subsystems);
        var sb = new StringBuilder();
        Block(sb, "Status of the RSCT subsystems used by HACMP:", subsystems.Where(s => !HacmpSubsystems.Contains(s.Name) && !OptionalSubsystems.Contains(s.Name)));
        sb.Line();
        Block(sb, "Status of the HACMP subsystems:", subsystems.Where(s => HacmpSubsystems.Contains(s.Name)));
        sb.Line();
        Block(sb, "Status of the optional HACMP subsystems:", subsystems.Where(s => OptionalSubsystems.Contains(s.Name)));
        return sb.ToString();
    }

    /// <summary>clshowsrv -a: one header and the HACMP and optional HACMP subsystems.</summary>
    public static string All(IReadOnlyList<SubsystemStatus> subsystems)
    {
        ArgumentNullException.ThrowIfNull(subsystems);
        return Rows(subsystems.Where(s => HacmpSubsystems.Contains(s.Name) || OptionalSubsystems.Contains(s.Name)));
    }

    /// <summary>A header and the given rows (clshowsrv subsystem ...).</summary>
    public static string Rows(IEnumerable<SubsystemStatus> subsystems)
    {
        var sb = new StringBuilder().Line(Header);
        foreach (var s in subsystems)
        {
            sb.Line(Row(s));
        }
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, string title, IEnumerable<SubsystemStatus> rows)
    {
        sb.Line(title).Append(Rows(rows));
    }
}
