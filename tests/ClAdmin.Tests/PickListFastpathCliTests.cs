using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// Fast paths whose first screen is a ghost selector (SMIT shows only its pop-up pick list, smit.md
/// §3.3): `cladmin run` takes the picked name from the selector's field, or from the dialog field that
/// shows it (the one discovering <c>_rawname</c>), and refuses a pick left empty by naming the field,
/// instead of running the dialog's discovery with <c>''</c> (issue 17, lessons 07 and 10).
/// </summary>
public sealed class PickListFastpathCliTests : CladminCliTest
{
    [Fact]
    public void Apply_a_snapshot_named_by_the_dialog_field_that_shows_the_pick()
    {
        Assert.Equal(0, Cladmin("cmd", "--", "clsnapshot", "-c", "-n", "before_change", "-d", "before the change").ExitCode);
        Assert.Equal(0, Cladmin("cmd", "--", "clmgr", "delete", "resource_group", "rg2").ExitCode);

        var apply = Cladmin("run", "cm_apply_snap", "snapshot_name=before_change", "--yes");

        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("clsnapshot: Succeeded applying Cluster Snapshot: before_change", apply.Stdout, StringComparison.Ordinal);
        Assert.Equal("rg1\nrg2\n", Cladmin("cmd", "--", "clmgr", "query", "resource_group").Stdout);
    }

    [Fact]
    public void A_pick_left_empty_is_refused_naming_the_field_to_give()
    {
        var r = Cladmin("run", "cm_apply_snap", "--yes");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("selector cm_apply_snap (Select a Cluster Snapshot to Apply) needs a value: give name=VALUE", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("discovery", r.Stderr, StringComparison.Ordinal);
    }
}
