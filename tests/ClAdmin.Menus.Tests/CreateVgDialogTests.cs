using ClAdmin.Menus.Model;
using ClAdmin.Shell;
using ClAdmin.Testing;

namespace ClAdmin.Menus.Tests;

/// <summary>
/// Issue 17 §2: Create a Shared Volume Group offers the free major numbers as an F4 list (powerha-menus.md
/// 4.10: "Volume group MAJOR NUMBER [first free on all nodes] +#", the nodes picked on the first screen)
/// and has SMIT mkvg's "Activate volume group after it is created?" (yes / no), honoured by cl_mkvg -A.
/// </summary>
public sealed class CreateVgDialogTests
{
    private static readonly Lazy<MenuTree> Shipped = new(() =>
    {
        var result = MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null);
        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        return result.Tree!;
    });

    public static TheoryData<string> Dialogs => new() { "cl_mkvg_dlg", "cl_mkvg4vp_dlg", "cl_conmkvg_dlg", "cl_conmkvg4vp_dlg" };

    [Theory]
    [MemberData(nameof(Dialogs))]
    public void The_major_number_lists_the_numbers_free_on_the_nodes_chosen(string dialog)
    {
        var field = Shipped.Value.Dialogs[dialog].FindField("major_number")!;

        Assert.Equal(OpType.List, field.Op);
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal) { ["cl_nodes"] = "node1,node2" };
        Assert.Equal("cl_lvlstmajor 'node1,node2'", Postfix.Apply(field.ListCommand, field.ListPostfix, nodes));
    }

    [Theory]
    [MemberData(nameof(Dialogs))]
    public void Activate_after_creation_is_a_yes_no_ring_sent_as_A_when_yes(string dialog)
    {
        var values = DialogValues.Open(Shipped.Value.Dialogs[dialog], new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cl_nodes"] = "node1,node2",
            ["cl_pvids"] = "00c1a2b3c4d5e6f7",
            ["vg_type"] = "Original",
        });
        var field = values.Dialog.FindField("activate")!;
        Assert.Equal("Activate volume group after it is created?", field.Label.Trim());
        Assert.Equal(["no", "yes"], field.Ring!.Values);
        Assert.Null(values.Set("vg_name", "datavg"));

        var off = CommandBuilder.Build(values);
        Assert.True(off.Ok, string.Join("\n", off.Errors));
        Assert.DoesNotContain("-A", off.Command!.CommandLine, StringComparison.Ordinal);

        Assert.Null(values.Set("activate", "yes"));
        var on = CommandBuilder.Build(values);
        Assert.True(on.Ok, string.Join("\n", on.Errors));
        Assert.Contains(" '-A'", on.Command!.CommandLine, StringComparison.Ordinal);
    }
}
