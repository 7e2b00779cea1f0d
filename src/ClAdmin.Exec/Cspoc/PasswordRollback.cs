using System.Globalization;
using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// The password change of cl_chpasswd and clpasswd, undone where it fails on some node (issue 17 §1).
/// Before the change, each target node's /etc/security/passwd stanza of each user is read with
/// <c>lssec -c</c> (kept in memory: never shown, never logged). When the change then fails on a
/// node, every node where it succeeded gets its stanzas back, reported node by node: the crypted
/// password through <c>chpasswd -e -c</c> on standard input (never on a command line), then
/// lastupdate and flags with <c>chsec</c>. The new password itself is only ever on standard input.
/// </summary>
internal static class PasswordRollback
{
    /// <summary>The file and the attributes saved and restored.</summary>
    private const string SecurityPasswd = "/etc/security/passwd";

    // ClAdmin's own texts (no C-SPOC transcript of a password rollback was found); correct them here.
    private const string Unreadable = "{0}: the password of \"{1}\" cannot be saved on {2} (lssec failed), so a failed change could not be undone.";
    private const string Restored = "{0}: the password of \"{1}\" was restored on {2}.";
    private const string AllRestored = "{0}: the password could not be changed on {1}; the earlier password was restored on {2}: no node has the new password.";
    private const string NoneElsewhere = "{0}: the password could not be changed on {1}; it was not changed on any node.";
    private const string SomeKept = "{0}: the password could not be changed on {1}; the earlier password could not be restored on {2}, which keep the new password.";

    /// <summary>One user's stanza of /etc/security/passwd on one node.</summary>
    private sealed record Stanza(string Password, string LastUpdate, string Flags);

    /// <summary>Saves the users' stanzas on <paramref name="nodes"/>, then runs the change there
    /// (<paramref name="argv"/> with <paramref name="standardInput"/>); where it fails on some node,
    /// puts the saved stanzas back on the nodes where it succeeded. False when a stanza could not be
    /// read: then nothing was changed.</summary>
    public static async Task<bool> ChangeAsync(CspocRun run, IReadOnlyList<string> nodes, IReadOnlyList<string> users, IReadOnlyList<string> argv, string standardInput)
    {
        var saved = new Dictionary<string, Dictionary<string, Stanza>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            saved[node] = new Dictionary<string, Stanza>(StringComparer.Ordinal);
        }
        foreach (var user in users)
        {
            var read = await run.QueryAsync(nodes, ["lssec", "-c", "-f", SecurityPasswd, "-s", user, "-a", "password", "lastupdate", "flags"]).ConfigureAwait(false);
            foreach (var node in nodes)
            {
                if (read[node].Outcome != NodeOutcome.Ok || Parse(read[node].Stdout, user) is not { } stanza)
                {
                    if (read[node].Outcome is NodeOutcome.Ok or NodeOutcome.Failed)
                    {
                        // lssec's own message names the user; the output (a crypted password) is not shown.
                        run.Fail(node, Text(Unreadable, run.Name, user, node) + (read[node].Stderr.Length > 0 ? "\n" + read[node].Stderr.TrimEnd() : ""), Math.Max(1, read[node].ExitCode));
                    }
                    return false;
                }
                saved[node][user] = stanza;
            }
        }

        var change = await run.RunAsync(nodes, _ => argv, standardInput).ConfigureAwait(false);
        var failed = change.Results.Where(r => r.Outcome != NodeOutcome.Ok).Select(r => r.Node).ToList();
        if (failed.Count == 0)
        {
            return true;
        }
        var changed = change.Results.Where(r => r.Outcome == NodeOutcome.Ok).Select(r => r.Node).ToList();
        foreach (var node in changed)
        {
            await RestoreAsync(run, node, users, saved[node]).ConfigureAwait(false);
        }
        var kept = changed.Where(run.HasFailed).ToList();
        var restored = changed.Except(kept, StringComparer.Ordinal).ToList();
        run.General(kept.Count > 0 ? Text(SomeKept, run.Name, NodeSet.Fold(failed), NodeSet.Fold(kept))
            : restored.Count > 0 ? Text(AllRestored, run.Name, NodeSet.Fold(failed), NodeSet.Fold(restored))
            : Text(NoneElsewhere, run.Name, NodeSet.Fold(failed)));
        return true;
    }

    /// <summary>Puts the saved stanzas back on one node and says so for each user restored.</summary>
    private static async Task RestoreAsync(CspocRun run, string node, IReadOnlyList<string> users, Dictionary<string, Stanza> saved)
    {
        var crypted = new StringBuilder();
        foreach (var user in users)
        {
            crypted.Append(user).Append(':').Append(saved[user].Password).Append('\n');
        }
        await run.UndoAsync(node, ["chpasswd", "-e", "-c"], crypted.ToString()).ConfigureAwait(false);
        foreach (var user in users.Where(_ => !run.HasFailed(node)))
        {
            await run.UndoAsync(node, ["chsec", "-f", SecurityPasswd, "-s", user, "-a", "lastupdate=" + saved[user].LastUpdate, "-a", "flags=" + saved[user].Flags]).ConfigureAwait(false);
        }
        if (!run.HasFailed(node))
        {
            foreach (var user in users)
            {
                run.Note(node, Text(Restored, run.Name, user, node));
            }
        }
    }

    /// <summary>The stanza in <c>lssec -c</c>'s output: <c>#name:password:lastupdate:flags</c>, then
    /// <c>jdoe:{ssha256}...:1710237600:ADMCHG</c> (the crypted password holds no colon).</summary>
    private static Stanza? Parse(string stdout, string user)
    {
        foreach (var line in stdout.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split(':');
            if (fields.Length >= 4 && fields[0] == user)
            {
                return new Stanza(string.Join(':', fields[1..^2]), fields[^2], fields[^1]);
            }
        }
        return null;
    }

    private static string Text(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
