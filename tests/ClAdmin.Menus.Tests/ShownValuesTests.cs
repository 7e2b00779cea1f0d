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

    /// <summary>Picks rg1 and keeps the dialog's values (the fields it shows) without building.</summary>
    private sealed class PickRg1 : IDialogAnswers
    {
        public DialogValues? Opened { get; private set; }

        public Task<string?> SelectorValueAsync(Selector selector, string current, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken) =>
            Task.FromResult<string?>("rg1");

        public bool AskAgain(Selector selector, string problem) => false;

        public Task<IReadOnlyList<string>?> FillAsync(DialogValues values, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken)
        {
            Opened = values;
            return Task.FromResult<IReadOnlyList<string>?>([]);
        }
    }

    /// <summary>Change/Show a Resource Group (cm_chg_grp) on a cluster whose sites are <paramref name="sites"/>:
    /// clmgr -c answers as on the demo (the cluster's SITES empty without sites); any other command fails.</summary>
    private static async Task<DialogValues> ChangeShowRg1(string sites)
    {
        var ran = new List<string>();
        Task<ScreenCommandResult> Run(string command, CancellationToken cancellationToken)
        {
            ran.Add(command);
            return Task.FromResult(command switch
            {
                "clmgr -c query cluster" => new ScreenCommandResult(0,
                    "#CLUSTER_NAME:CLUSTER_ID:STATE:NODES:SITES:NETWORKS:RESOURCE_GROUPS:RG_SETTLING_TIME:RG_DIST_POLICY\n" +
                    $"demo_cluster:1:OFFLINE:node1 node2:{sites}:net_ether_01:rg1 rg2:0:node\n", ""),
                _ when command.StartsWith("clmgr -c query resource_group ", StringComparison.Ordinal) => new ScreenCommandResult(0,
                    "#NAME:NODES:STARTUP:FALLOVER:FALLBACK:FALLBACK_AT:NODE_PRIORITY_POLICY:SITE_POLICY\nrg1:node1 node2:OHN:FNPN:NFB:::ignore\n", ""),
                _ => new ScreenCommandResult(127, "", $"ksh: {command}:  not found.\n"),
            });
        }
        var user = new PickRg1();
        var result = await new DialogFlow(Shipped.Value, user, Run).FromFastpathAsync("cm_chg_grp", null, default);
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors) + "\nran: " + string.Join("; ", ran));
        return user.Opened!;
    }

    [Fact]
    public async Task Change_show_a_resource_group_has_no_inter_site_management_policy_without_sites()
    {
        var values = await ChangeShowRg1(sites: "");

        Assert.Null(values.Dialog.FindField("inter_site_policy"));
        Assert.Equal("node1 node2", Shown(values, "participating_nodes"));
        Assert.Equal("Online On Home Node Only", Shown(values, "startup_policy"));
    }

    [Fact]
    public async Task Change_show_a_resource_group_has_inter_site_management_policy_with_a_site()
    {
        var values = await ChangeShowRg1(sites: "siteA");

        Assert.NotNull(values.Dialog.FindField("inter_site_policy"));
        Assert.Equal("ignore", Shown(values, "inter_site_policy"));
        // The group's own NAME (the new-name field), not the cluster's.
        Assert.Equal("rg1", Shown(values, "new_rg_name"));
    }
}
