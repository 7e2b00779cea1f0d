using System.Text;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Ssh;

/// <summary>
/// The protocol spoken to the shell at the far end of a session. One function, sent once,
/// runs each command in the background with its own standard input, prints framing markers
/// around it, and stops it and its descendants (listed by ps when the stop comes: the session
/// shell has no job control, so the command has no process group of its own; TERM, then KILL
/// 2 s later) when a line arrives on the control channel (timeout or Ctrl-C) or the channel
/// ends (cladmin died or was killed).
/// <code>
/// stdout:  M A pid\n  ...command stdout...  M E rc\n
/// stderr:  ...command stderr...  M E\n
/// </code>
/// M is unique per command (a random session prefix and a counter), so no output can forge it.
/// Everything is POSIX sh: it runs on AIX's ksh as on Linux's dash or bash.
/// </summary>
public static class RemoteShell
{
    /// <summary>Defines the runner function. fd 3 is the control channel (a copy of the session's
    /// stdin, read only by the watcher while a command runs); commands never see it.</summary>
    public const string Bootstrap =
        "exec 3<&0\n" +
        // The descendants of pid $1, then $1, from ps (POSIX columns); $1 alone without ps.
        "__tr() {\n" +
        "  ps -e -o pid= -o ppid= 2>/dev/null | awk -v r=\"$1\" '{ p[$1] = $2 } END { k[r] = 1; do { n = 0; for (i in p) if (!(i in k) && (p[i] in k)) { k[i] = 1; n++ } } while (n); for (i in k) if (i != r) print i; print r }'\n" +
        "}\n" +
        "__cl() {\n" +
        "  __m=$1 __hs=$2 __in=$3; shift 3\n" +
        "  printf '%s A %s\\n' \"$__m\" \"$$\"\n" +
        "  if [ \"$__hs\" = 1 ]; then printf %s \"$__in\" | \"$@\" 3<&- & else \"$@\" </dev/null 3<&- & fi\n" +
        "  __p=$!\n" +
        // The watcher: a line on the control channel, or its end (cladmin is gone), stops the
        // command. It hands the stop to a process of its own and ends, so the shell's kill of the
        // watcher (as soon as the command has ended) never lands in the middle of a stop: TERM to
        // the command's descendants and then to it; 2 s later KILL to those of them still there
        // and at least 2 s old (a pid ended and reused meanwhile is younger, and left alone).
        "  ( read __x <&3; ( trap '' TERM; __t=$(__tr $__p); " +
        "( sleep 2; __k=$(ps -e -o pid= -o etime= 2>/dev/null | __t=\"$__t\" awk '" + Survivors + "'); " +
        "[ -n \"$__k\" ] && kill -KILL $__k ) & " +
        "kill -TERM $__t ) & ) </dev/null >/dev/null 2>&1 &\n" +
        "  __w=$!\n" +
        "  wait $__p; __rc=$?\n" +
        "  kill $__w 2>/dev/null; wait $__w 2>/dev/null\n" +
        "  printf '%s E %s\\n' \"$__m\" \"$__rc\"\n" +
        "  printf '%s E\\n' \"$__m\" >&2\n" +
        "}\n";

    /// <summary>The awk program that picks, from <c>ps -e -o pid= -o etime=</c>, the pids listed in
    /// the environment variable <c>__t</c> (blank-separated) that are at least 2 s old: the
    /// processes of a stopped command still there 2 s after the stop, and not pids reused since.
    /// etime is [[dd-]hh:]mm:ss.</summary>
    public const string Survivors =
        "BEGIN { n = split(ENVIRON[\"__t\"], a, \" \"); for (i = 1; i <= n; i++) w[a[i]] = 1 } " +
        "($1 in w) { s = $2; d = 0; if (index(s, \"-\")) { d = substr(s, 1, index(s, \"-\") - 1); s = substr(s, index(s, \"-\") + 1) } " +
        "m = split(s, f, \":\"); t = 0; for (i = 1; i <= m; i++) t = t * 60 + f[i]; if (d * 86400 + t >= 2) print $1 }";

    /// <summary>What to write on the control channel to stop the running command. Harmless if
    /// the command already ended and the shell reads it instead (':' does nothing).</summary>
    public const string StopLine = ":\n";

    /// <summary>The line that runs one command framed by <paramref name="marker"/>.</summary>
    public static string CommandLine(string marker, IReadOnlyList<string> argv, string standardInput)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(standardInput);
        var sb = new StringBuilder("__cl ");
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
