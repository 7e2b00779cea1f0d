using System.Text;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Ssh;

/// <summary>
/// The protocol spoken to the shell at the far end of a session. The session shell (the one ssh
/// started, reading cladmin's lines) is the session's one watcher: at the start it creates a
/// runner, a second shell fed through a FIFO (created in a private directory, opened, and
/// removed at once), and passes each command line on to it (<c>__f</c>, a builtin printf, no
/// fork); the runner starts the command (one fork: the command itself, none beside it where the
/// command needs no standard input), prints framing markers around it and waits for it. Meanwhile
/// the session shell keeps reading its input: a stop line (timeout or Ctrl-C) or the input's end
/// (cladmin died or was killed) stops the command and its descendants, i.e. the runner's
/// descendants, listed by ps when the stop comes (the shells have no job control, so the command
/// has no process group of its own; TERM, then KILL 2 s later). A runner that dies ends the
/// session shell at its next command (its write to the FIFO fails), so the session is renewed.
/// Where no FIFO can be made, each command runs under the session shell itself with a watcher of
/// its own, as before (<see cref="PerCommand"/>).
/// <code>
/// stdout:  M A pid\n  ...command stdout...  M E rc\n
/// stderr:  ...command stderr...  M E\n
/// </code>
/// M is unique per command (a random session prefix and a counter), so no output can forge it;
/// pid is the runner's (the command's parent).
/// Everything is POSIX sh: it runs on AIX's ksh as on Linux's dash or bash.
/// </summary>
public static class RemoteShell
{
    /// <summary>The runner's function, sent to it through the FIFO: start the command and wait for
    /// it. The command's own process acknowledges before it becomes the command (the shell execs the
    /// last command of a background group in place: no fork besides the command's), so the
    /// acknowledgement comes before any output of the command, and a stop that follows it finds
    /// the command among the runner's descendants. ($$ is the runner's pid in the group too.)</summary>
    public const string Runner =
        "__r() {\n" +
        "  __m=$1 __hs=$2 __in=$3; shift 3\n" +
        "  if [ \"$__hs\" = 1 ]; then printf %s \"$__in\" | { printf '%s A %s\\n' \"$__m\" \"$$\"; \"$@\"; } &\n" +
        "  else { printf '%s A %s\\n' \"$__m\" \"$$\"; \"$@\"; } </dev/null & fi\n" +
        "  wait $!; __rc=$?\n" +
        "  printf '%s E %s\\n' \"$__m\" \"$__rc\"\n" +
        "  printf '%s E\\n' \"$__m\" >&2\n" +
        "}\n";

    /// <summary>Where the session cannot make its FIFO: <c>__r</c> runs each command in the
    /// session shell's background with a watcher of its own. fd 3 is the control channel (a copy
    /// of the session's stdin, read only by the watcher while a command runs); commands never see
    /// it. The watcher hands the stop to a process of its own and ends, so the shell's kill of the
    /// watcher (as soon as the command has ended) never lands in the middle of a stop.</summary>
    public const string PerCommand =
        "__r() {\n" +
        "  __m=$1 __hs=$2 __in=$3; shift 3\n" +
        "  printf '%s A %s\\n' \"$__m\" \"$$\"\n" +
        "  if [ \"$__hs\" = 1 ]; then printf %s \"$__in\" | \"$@\" 3<&- & else \"$@\" </dev/null 3<&- & fi\n" +
        "  __p=$!\n" +
        "  ( read __x <&3; __sk $__p ) </dev/null >/dev/null 2>&1 &\n" +
        "  __w=$!\n" +
        "  wait $__p; __rc=$?\n" +
        "  kill $__w 2>/dev/null; wait $__w 2>/dev/null\n" +
        "  printf '%s E %s\\n' \"$__m\" \"$__rc\"\n" +
        "  printf '%s E\\n' \"$__m\" >&2\n" +
        "}\n";

    /// <summary>Sent once when a session opens: defines the functions and starts the runner.</summary>
    public static readonly string Bootstrap =
        "exec 3<&0\n" +
        // The descendants of pid $1, then $1 itself unless $2 is given, from ps (POSIX columns).
        "__tr() {\n" +
        "  ps -e -o pid= -o ppid= 2>/dev/null | awk -v r=\"$1\" -v o=\"$2\" '{ p[$1] = $2 } END { k[r] = 1; do { n = 0; for (i in p) if (!(i in k) && (p[i] in k)) { k[i] = 1; n++ } } while (n); for (i in k) if (i != r) print i; if (o == \"\") print r }'\n" +
        "}\n" +
        // Stops the descendants of pid $1, and $1 unless $2 is given, in a process of its own (which
        // a kill of the watcher that started it cannot interrupt): TERM now; 2 s later KILL to those
        // of them still there and at least 2 s old (a pid ended and reused meanwhile is younger, and
        // left alone).
        "__sk() {\n" +
        "  ( trap '' TERM; __t=$(__tr \"$1\" \"$2\"); [ -n \"$__t\" ] || exit 0; " +
        "( sleep 2; __k=$(ps -e -o pid= -o etime= 2>/dev/null | __t=\"$__t\" awk '" + Survivors + "'); " +
        "[ -n \"$__k\" ] && kill -KILL $__k ) & " +
        "kill -TERM $__t ) </dev/null >/dev/null 2>&1 4>&- &\n" +
        "}\n" +
        PerCommand +
        "__f() { eval \"$1\"; }\n" +
        "__st() { :; }\n" +
        "__d=${TMPDIR:-/tmp}/.cladmin.$$\n" +
        "if mkdir -m 700 \"$__d\" 2>/dev/null && mkfifo \"$__d/f\" 2>/dev/null; then\n" +
        "  \"$0\" <\"$__d/f\" 3<&- &\n" +
        "  __R=$!\n" +
        "  exec 4>\"$__d/f\"\n" +
        "  rm -rf \"$__d\"\n" +
        "  printf %s " + Quote(Runner) + " >&4\n" +
        "  __f() { printf %s \"$1\" >&4 || exit 1; }\n" +
        "  __st() { __sk $__R x; }\n" +
        "  trap '__st' EXIT\n" +
        "else\n" +
        "  rm -rf \"$__d\" 2>/dev/null\n" +
        "fi\n";

    /// <summary>The awk program that picks, from <c>ps -e -o pid= -o etime=</c>, the pids listed in
    /// the environment variable <c>__t</c> (blank-separated) that are at least 2 s old: the
    /// processes of a stopped command still there 2 s after the stop, and not pids reused since.
    /// etime is [[dd-]hh:]mm:ss.</summary>
    public const string Survivors =
        "BEGIN { n = split(ENVIRON[\"__t\"], a, \" \"); for (i = 1; i <= n; i++) w[a[i]] = 1 } " +
        "($1 in w) { s = $2; d = 0; if (index(s, \"-\")) { d = substr(s, 1, index(s, \"-\") - 1); s = substr(s, index(s, \"-\") + 1) } " +
        "m = split(s, f, \":\"); t = 0; for (i = 1; i <= m; i++) t = t * 60 + f[i]; if (d * 86400 + t >= 2) print $1 }";

    /// <summary>What to write on the control channel to stop the running command: the session
    /// shell stops the runner's descendants (none once the command has ended). Harmless if the
    /// command already ended; a per-command watcher takes any line as its stop.</summary>
    public const string StopLine = "__st\n";

    /// <summary>The line that runs one command framed by <paramref name="marker"/>: the runner's
    /// line, passed on by the session shell as one quoted word.</summary>
    public static string CommandLine(string marker, IReadOnlyList<string> argv, string standardInput) =>
        "__f " + Quote(RunnerLine(marker, argv, standardInput)) + "\n";

    /// <summary>The runner's line for one command.</summary>
    private static string RunnerLine(string marker, IReadOnlyList<string> argv, string standardInput)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(standardInput);
        var sb = new StringBuilder("__r ");
        sb.Append(Quote(marker)).Append(standardInput.Length > 0 ? " 1 " : " 0 ").Append(Quote(standardInput));
        foreach (var word in argv)
        {
            sb.Append(' ').Append(Quote(word));
        }
        return sb.Append('\n').ToString();
    }

    /// <summary>POSIX single quoting: every character literal, newlines included ('it'\''s').
    /// Unlike <see cref="ShellWords.Quote"/> it never uses $'...', which POSIX sh lacks.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
