using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// The real `cladmin -x` in tmux, driven by keys and read from the screen: the walk an
/// administrator takes to add a user, the keys of every screen, resize, and a clean exit.
/// </summary>
public sealed class TuiTmuxTests
{
    [Fact]
    public void Add_a_user_from_hacmp_to_command_status_and_back_out()
    {
        using var t = new TmuxTerminal("-x");
        t.WaitFor("HACMP for AIX");
        t.WaitFor("F9=Shell            F10=Exit            Enter=Do");
        t.Keys("Down", "Down", "Enter");
        t.WaitFor("System Management (C-SPOC)");
        t.Keys("Down", "Down", "Down", "Down", "Down", "Enter");
        t.WaitFor("HACMP Security and Users Management");
        t.Keys("Down", "Enter");
        t.WaitFor("Add a User to the Cluster");
        t.Keys("Enter");
        t.WaitFor("Type or select a value for the entry field.");
        t.Keys("Enter");
        var dialog = t.WaitFor("Type or select values in entry fields.");
        Assert.Contains("[TOP]                                                   [Entry Fields]", dialog);
        Assert.Contains("* User NAME                                          []", dialog);
        t.Keys("Down");
        t.Type("jdoe");
        t.Keys("Down");
        t.Type("30a0"); // the numeric field refuses the letter
        t.Keys("Down");
        t.WaitFor("[jdoe]");
        t.WaitFor("[300]                   #");
        // Esc 4 = F4 on the ADMINISTRATIVE USER? ring: the ring as a list.
        t.Keys("Escape", "4");
        var list = t.WaitFor("Move cursor to desired item and press Enter.");
        Assert.Contains("|                           ADMINISTRATIVE USER?", list);
        t.Keys("Home", "Enter");
        t.WaitUntil(s => !s.Contains("press Enter.", StringComparison.Ordinal) && s.Contains("  ADMINISTRATIVE USER?                                true", StringComparison.Ordinal), "the ring set to true");
        t.Keys("F6");
        var command = t.WaitFor("SHOW COMMAND STRING");
        Assert.Contains("|   cl_mkuser id='300' admin='true' jdoe", command);
        // A script filling the same values gets the same command that F6 shows.
        var show = CladminProcess.Run("run", "cl_mkuser", "user_name=jdoe", "user_id=300", "admin=true", "--show");
        Assert.Equal("cl_mkuser id='300' admin='true' jdoe\n", show.Stdout);
        t.Keys("Enter");
        t.WaitUntil(s => !s.Contains("SHOW COMMAND STRING", StringComparison.Ordinal), "the pop-up closed");
        t.Keys("Enter");
        var status = t.WaitFor("COMMAND STATUS");
        Assert.Contains("Command: OK", status);
        Assert.Contains("NOT run", status);
        Assert.Contains("cl_mkuser id='300' admin='true' jdoe", status);
        Assert.Contains("cl_mkuser id='300' admin='true' jdoe", File.ReadAllText(t.ScriptPath));
        // F3 back through the stack: status, dialog, selector, users, security, C-SPOC.
        t.Keys("F3");
        t.WaitFor("Type or select values in entry fields.");
        t.Keys("F3");
        t.WaitFor("Type or select a value for the entry field.");
        t.Keys("F3", "F3", "F3");
        t.WaitFor("HACMP Logical Volume Management");
        t.Keys("F3");
        t.WaitFor("Problem Determination Tools");
        t.Keys("F10");
        var after = t.WaitFor("CLADMIN-EXIT=0");
        Assert.DoesNotContain("F1=Help", after);
        Assert.DoesNotContain("HACMP for AIX", after);
    }

    [Fact]
    public void The_cl_mklv_fast_path_leads_from_its_pick_list_to_the_dialog()
    {
        // smitty cl_mklv pops the volume group list up first; the pick opens the dialog (issue 17 §2).
        using var t = new TmuxTerminal("-x cl_mklv");
        var list = t.WaitFor("Move cursor to desired item and press Enter.");
        Assert.Contains("appvg", list);
        t.Keys("End", "Enter"); // the last volume group of the list, appvg
        t.WaitFor("Type or select values in entry fields.");
        t.WaitUntil(s => s.Contains("Add a Shared Logical Volume", StringComparison.Ordinal) && s.Contains("* VOLUME GROUP name                                   appvg", StringComparison.Ordinal), "the dialog for appvg");
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Fact]
    public void A_dialog_that_asks_shows_are_you_sure_and_F4_lists_the_demo_clusters_groups()
    {
        using var t = new TmuxTerminal("-x cl_rmuser");
        t.WaitFor("Remove a User from the Cluster");
        t.Keys("F4");
        // The list command (clmgr query resource_group) runs through the dispatcher, even under -x,
        // as SMIT runs list commands under -x; the demo cluster has rg1 and rg2.
        var list = t.WaitFor("rg2");
        Assert.Contains("rg1", list);
        t.Keys("F3");
        t.WaitUntil(s => !s.Contains("rg2", StringComparison.Ordinal), "the list closed");
        t.Keys("Down");
        t.Type("jdoe");
        t.Keys("Enter");
        t.WaitFor("ARE YOU SURE?");
        t.Keys("Enter");
        var status = t.WaitFor("COMMAND STATUS");
        Assert.Contains("NOT run", status);
        t.Keys("Escape", "0"); // Esc 0 = F10
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Fact]
    public void Resizing_redraws_at_the_new_size_and_back()
    {
        using var t = new TmuxTerminal("-x cl_users");
        t.WaitFor("Users in an HACMP cluster");
        t.Resize(100, 30);
        var wide = t.WaitUntil(s => s.Split('\n').Length >= 30 && s.Split('\n')[29].StartsWith("F9=Shell                 F10=Exit", StringComparison.Ordinal), "the legend on row 30 at 100 columns");
        Assert.Contains(new string(' ', 37) + "Users in an HACMP cluster", wide);
        t.Resize(80, 24);
        var back = t.WaitUntil(s => s.Split('\n')[23].StartsWith("F9=Shell            F10=Exit", StringComparison.Ordinal), "the legend on row 24 at 80 columns");
        Assert.Contains(new string(' ', 27) + "Users in an HACMP cluster", back);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Fact]
    public void Linear_mode_runs_a_dialog_on_the_demo_cluster_and_never_echoes_a_secret()
    {
        using var t = new TmuxTerminal("--prompt cl_chpasswd", 100, 30);
        t.WaitFor("Select nodes by resource group []:");
        t.Keys("Enter");
        t.WaitFor("User NAME (required) []:");
        t.Type("root");
        t.Keys("Enter");
        t.WaitFor("first login? (true/false) [true]:");
        t.Keys("Enter");
        t.WaitFor("New password (required) (not echoed) []:");
        t.Type("Sekr3tPw");
        t.Keys("Enter");
        var done = t.WaitFor("Command: OK");
        Assert.Contains("Command: cl_chpasswd root", done);
        Assert.Contains("node1: Ok", done);
        Assert.Contains("node2: Ok", done);
        Assert.DoesNotContain("Sekr3tPw", done);
        Assert.DoesNotContain("Sekr3tPw", File.ReadAllText(t.LogPath) + File.ReadAllText(t.ScriptPath));
    }

    [Fact]
    public void Enter_runs_a_cspoc_dialog_on_the_simulated_nodes_with_a_line_per_node()
    {
        using var t = new TmuxTerminal("cl_mkuser");
        t.WaitFor("Type or select values in entry fields.");
        t.Keys("Down");
        t.Type("jdoe");
        t.Keys("Down");
        t.Type("301");
        t.Keys("Enter");
        var status = t.WaitFor("Command: OK");
        // COMMAND STATUS with the per-node grid of the fan-out (node1 and node2 of the demo cluster).
        Assert.Contains("COMMAND STATUS", status);
        Assert.Contains("Nodes: 2   ok: 2   failed: 0   timed out: 0   unreachable: 0", status);
        Assert.Contains("node1: ok           node2: ok", status);
        Assert.Contains("cl_mkuser id='301' jdoe", File.ReadAllText(t.ScriptPath));
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }
}
