using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// Change/Show a Resource Group from the screens (issue 17 §2), in the real cladmin under tmux:
/// Inter-Site Management Policy applies only with sites (powerha-menus.md 4.3, "With sites (7.x)
/// ..."), so on the demo cluster, which has none, SMIT's ghosting leaves it out; once a site is
/// defined the same dialog shows it.
/// </summary>
public sealed class ChangeShowResourceGroupTmuxTests
{
    /// <summary>Opens cm_chg_grp, picks rg1 from its pop-up list and returns the dialog's screen.</summary>
    private static string OpenForRg1(TmuxTerminal t)
    {
        var list = t.WaitFor("rg2");
        Assert.Contains("rg1", list, StringComparison.Ordinal);
        t.Keys("Enter");
        var dialog = t.WaitFor("Participating Nodes (Default Node Priority)");
        Assert.Contains("Change/Show a Resource Group", dialog, StringComparison.Ordinal);
        Assert.Contains("rg1", dialog, StringComparison.Ordinal);
        return dialog;
    }

    [Fact]
    public void On_the_demo_cluster_without_sites_inter_site_management_policy_is_not_shown()
    {
        using var t = new TmuxTerminal("cm_chg_grp", 80, 30);

        var dialog = OpenForRg1(t);

        Assert.DoesNotContain("Inter-Site Management Policy", dialog, StringComparison.Ordinal);
        Assert.Contains("Startup Policy", dialog, StringComparison.Ordinal);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Fact]
    public void With_a_site_defined_inter_site_management_policy_is_shown()
    {
        using var t = new TmuxTerminal("cm_chg_grp", 80, 30, prepare: db =>
        {
            var r = CladminProcess.Run(["--db", db, "cmd", "--", "clmgr", "add", "site", "siteA", "NODES=node1"]);
            Assert.True(r.ExitCode == 0, $"clmgr add site exited {r.ExitCode}: {r.Stdout}{r.Stderr}");
        });

        var dialog = OpenForRg1(t);

        Assert.Contains("Inter-Site Management Policy", dialog, StringComparison.Ordinal);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }
}
