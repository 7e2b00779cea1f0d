using System.CommandLine;
using ClAdmin.Tui.Logging;

namespace ClAdmin;

/// <summary>--log and --script (global): cladmin.log and cladmin.script, as smit.log and smit.script.</summary>
public sealed class LogOptions
{
    public Option<string?> Log { get; } = new("--log")
    {
        Description = "The log file (default: <state dir>/cladmin/cladmin.log)",
        Recursive = true,
    };

    /// <summary>-x (global): log the commands that would run, run none (smit -x).</summary>
    public Option<bool> NoExecute { get; } = new("-x")
    {
        Description = "Log the commands that would run (cladmin.log, cladmin.script) without running any",
        Recursive = true,
    };

    public Option<string?> Script { get; } = new("--script")
    {
        Description = "The script file of executed commands (default: <state dir>/cladmin/cladmin.script)",
        Recursive = true,
    };

    /// <summary>The session log the options name; a file it cannot write is warned about once on
    /// <paramref name="warnings"/> (none: skipped silently, as in the screens).</summary>
    public FileSessionLog Open(ParseResult parse, TextWriter? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var dir = FileSessionLog.DefaultDirectory();
        return new FileSessionLog(
            parse.GetValue(Log) ?? Path.Combine(dir, "cladmin.log"),
            parse.GetValue(Script) ?? Path.Combine(dir, "cladmin.script"))
        {
            WriteFailed = warnings is null ? null : LogWarnings.To(warnings),
        };
    }
}
