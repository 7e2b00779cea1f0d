namespace ClAdmin.Tests;

/// <summary>
/// Change/Show a Resource Group (cm_chg_grp) from `cladmin run` (issue 17 §2): Inter-Site
/// Management Policy applies only with sites (powerha-menus.md 4.3), so on the demo cluster,
/// which has none, the field is ghosted and a value for it is refused naming the field (exit 2);
/// with a site defined the same run sends SITE_POLICY.
/// </summary>
public sealed class ChangeShowResourceGroupCliTests : CladminCliTest
{
    [Fact]
    public void Without_sites_the_inter_site_policy_field_is_refused()
    {
        var r = Cladmin("run", "cm_chg_grp", "name=rg1", "inter_site_policy=Online On Either Site", "--show");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("has no field 'inter_site_policy'", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SITE_POLICY", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_site_the_inter_site_policy_is_sent()
    {
        var site = Cladmin("cmd", "--", "clmgr", "add", "site", "siteA", "NODES=node1");
        Assert.True(site.ExitCode == 0, site.Stdout + site.Stderr);

        var r = Cladmin("run", "cm_chg_grp", "name=rg1", "inter_site_policy=Online On Either Site", "--show");

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("SITE_POLICY='either'", r.Stdout, StringComparison.Ordinal);
    }
}
