using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// Change / Show Characteristics of a User in the Cluster from the screens (issue 17 §2), on the
/// demo, in the real cladmin under tmux: the user pick list gathers lsuser from both nodes and shows
/// each name once, without node prefixes; the picked name alone reaches the dialog, whose fields show
/// the user's attributes; a changed field goes to cl_chuser on every node.
/// </summary>
public sealed class ChangeUserTmuxTests
{
    private static ProcessResult Ok(string db, params string[] args)
    {
        var r = CladminProcess.Run(["--db", db, .. args]);
        Assert.True(r.ExitCode == 0, $"cladmin {string.Join(' ', args)} exited {r.ExitCode}: {r.Stdout}{r.Stderr}");
        return r;
    }

    /// <summary>Moves the cursor of a menu or list to the next item holding <paramref name="text"/> (/ Find).</summary>
    private static void Find(TmuxTerminal t, string text)
    {
        t.Keys("/");
        t.WaitFor("Type the text to find and press Enter.");
        t.Keys([.. Enumerable.Repeat("BSpace", 64)]); // the prompt offers the previous search
        t.WaitFor("   []");
        t.Type(text);
        t.Keys("Enter");
        t.WaitUntil(s => !s.Contains("Type the text to find", StringComparison.Ordinal), "the find prompt closed");
    }

    [Fact]
    public void Changing_a_user_from_the_screens_sets_the_attribute_on_every_node()
    {
        using var t = new TmuxTerminal("cl_users", 80, 30, prepare: db =>
        {
            Ok(db, "cmd", "--", "cl_mkuser", "id=300", "home=/home/jdoe", "jdoe");
            Ok(db, "cmd", "-n", "node2", "--", "mkuser", "id=444", "only2");
        });
        t.WaitFor("Change / Show Characteristics of a User in the Cluster");
        Find(t, "Change / Show Characteristics of a User");
        t.Keys("Enter");
        var list = t.WaitFor("only2");
        Assert.DoesNotContain("node1:", list, StringComparison.Ordinal);
        Assert.DoesNotContain("node2:", list, StringComparison.Ordinal);
        Assert.Single(list.Split('\n'), l => l.Contains(" jdoe ", StringComparison.Ordinal));
        // Beside each name, the nodes that have it: a user on one node alone shows at once.
        Assert.Matches(@"\bjdoe +node1,node2\b", list);
        Assert.Matches(@"\bonly2 +node2\b", list);
        Find(t, "jdoe");
        t.Keys("Enter");
        var dialog = t.WaitFor("Type or select values in entry fields.");
        Assert.Contains("[/home/jdoe]", dialog, StringComparison.Ordinal);
        Assert.Contains("[300]", dialog, StringComparison.Ordinal);
        // The cursor is on the first field (Select nodes by resource group); User INFORMATION is the 13th.
        t.Keys([.. Enumerable.Repeat("Down", 12)]);
        t.Type("Build account");
        t.WaitFor("[Build account]");
        t.Keys("F6");
        Assert.Contains("cl_chuser gecos='Build account' jdoe", t.WaitFor("SHOW COMMAND STRING"), StringComparison.Ordinal);
        t.Keys("F3");
        t.WaitUntil(s => !s.Contains("SHOW COMMAND STRING", StringComparison.Ordinal), "the command string closed");
        t.Keys("Enter");
        var status = t.WaitUntil(s => s.Contains("COMMAND STATUS", StringComparison.Ordinal) && s.Contains("Command: ", StringComparison.Ordinal)
            && !s.Contains("Command: running", StringComparison.Ordinal), "the command status with its result", 60_000);
        Assert.Contains("Command: OK", status, StringComparison.Ordinal);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");

        foreach (var node in new[] { "node1", "node2" })
        {
            Assert.Contains("jdoe gecos=Build account\n", Ok(t.DatabasePath, "cmd", "-n", node, "--", "lsuser", "-a", "gecos", "jdoe").Stdout, StringComparison.Ordinal);
        }
    }
}
