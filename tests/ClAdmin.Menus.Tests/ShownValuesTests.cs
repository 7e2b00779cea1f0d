using ClAdmin.Menus.Model;
using ClAdmin.Shell;
using ClAdmin.Testing;

namespace ClAdmin.Menus.Tests;

/// <summary>
/// Issue 17 §2: Change/Show dialogs show policies by their SMIT labels, not the clmgr codes
/// (powerha-menus.md 4.3: "Short codes used by clmgr ... startup OHN / OFAN / OUDP / OAAN,
/// fallover FNPN / FUDNP / BO, fallback FBHPN / NFB"), and fields that do not apply are not
/// shown, as SMIT's ghosting does. Expected labels are the reference's, not the code's.
/// </summary>
public sealed class ShownValuesTests
{
    private static readonly Lazy<MenuTree> Shipped = new(() =>
    {
        var result = MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null);
        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        return result.Tree!;
    });

    private static DialogValues Open(string dialog, params (string Name, string Value)[] names) =>
        DialogValues.Open(Shipped.Value.Dialogs[dialog], names.ToDictionary(n => n.Name, n => n.Value, StringComparer.Ordinal));

    private static string Shown(DialogValues values, string field) => values[values.Dialog.FindField(field)!];

    [Theory]
    [InlineData("cm_add_res_dlg", "startup_policy", "fallover_policy", "fallback_policy")]
    [InlineData("cm_std_chg_res.dialog", "startup", "fallover", "fallback")]
    public void Display_only_policies_show_their_smit_labels(string dialog, string startup, string fallover, string fallback)
    {
        var values = Open(dialog, ("_rawname", "rg1"), ("STARTUP", "OHN"), ("FALLOVER", "FNPN"), ("FALLBACK", "NFB"));
        Assert.Equal("Online On Home Node Only", Shown(values, startup));
        Assert.Equal("Fallover To Next Priority Node In The List", Shown(values, fallover));
        Assert.Equal("Never Fallback", Shown(values, fallback));

        var other = Open(dialog, ("_rawname", "rg2"), ("STARTUP", "OFAN"), ("FALLOVER", "BO"), ("FALLBACK", "FBHPN"));
        Assert.Equal("Online On First Available Node", Shown(other, startup));
        Assert.Equal("Bring Offline (On Error Node Only)", Shown(other, fallover));
        Assert.Equal("Fallback To Higher Priority Node In The List", Shown(other, fallback));
    }

    [Fact]
    public void A_shown_label_is_not_sent_back_as_a_change()
    {
        var values = Open("cm_add_res_dlg", ("_rawname", "rg1"), ("STARTUP", "OHN"), ("FALLOVER", "FNPN"), ("FALLBACK", "NFB"));
        var built = CommandBuilder.Build(values);
        Assert.True(built.Ok, string.Join("\n", built.Errors));
        Assert.DoesNotContain("Online On", built.Command!.CommandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("OHN", built.Command!.CommandLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Legacy")]
    [InlineData("Original")]
    [InlineData("Big")]
    public void Max_pps_and_max_lvs_are_not_shown_for_a_volume_group_that_is_not_scalable(string type)
    {
        var values = Open("cl_mkvg_dlg", ("cl_nodes", "node1,node2"), ("cl_pvids", "00c1"), ("vg_type", type));
        Assert.Null(values.Dialog.FindField("max_pps"));
        Assert.Null(values.Dialog.FindField("max_lvs"));
        Assert.NotNull(values.Dialog.FindField("vg_name"));
    }

    [Fact]
    public void Max_pps_and_max_lvs_are_shown_for_a_scalable_volume_group()
    {
        var values = Open("cl_mkvg_dlg", ("cl_nodes", "node1,node2"), ("cl_pvids", "00c1"), ("vg_type", "Scalable"));
        Assert.NotNull(values.Dialog.FindField("max_pps"));
        Assert.NotNull(values.Dialog.FindField("max_lvs"));
    }

    [Fact]
    public void Inter_site_management_policy_is_not_shown_without_sites()
    {
        // clmgr -c query cluster publishes SITES (empty when no sites are defined).
        Assert.Null(Open("cm_add_grp", ("SITES", "")).Dialog.FindField("inter_site_policy"));
        Assert.Null(Open("cm_add_grp").Dialog.FindField("inter_site_policy"));
        Assert.NotNull(Open("cm_add_grp", ("SITES", "siteA siteB")).Dialog.FindField("inter_site_policy"));
    }
}
