using ClAdmin.Contracts;
using ClAdmin.Menus.Model;
using ClAdmin.Menus;
using ClAdmin.Tui.Screens;

namespace ClAdmin.Tui.Tests;

/// <summary>
/// Each screen rendered at 80x24 and compared with a golden screen copied by hand from the layouts
/// of smit.md §3 (the dialog one extended by hand to fill 24 rows with ClAdmin's field area).
/// </summary>
public sealed class GoldenScreenTests
{
    [Fact]
    public void Menu_matches_smit_3_1()
    {
        var menu = new Menu("cm_nodes", "Cluster Nodes",
        [
            new MenuItem("010", "List All Cluster Nodes", "cl_lsnode", NextType.Dialog, ""),
            new MenuItem("020", "Add a Node to the Cluster", "cl_addnode", NextType.Dialog, ""),
            new MenuItem("030", "Change/Show a Cluster Node", "cl_chnode", NextType.Dialog, ""),
            new MenuItem("040", "Remove a Node from the Cluster", "cl_rmnode", NextType.Dialog, ""),
            new MenuItem("050", "", "", NextType.Info, ""),
            new MenuItem("060", "Start Cluster Services", "clstart", NextType.Dialog, ""),
            new MenuItem("070", "Stop Cluster Services", "clstop", NextType.Dialog, ""),
        ], "", "");
        var buffer = Screens.Render(new MenuScreen(menu));
        Screens.AssertGolden("menu", buffer);
        Assert.True(buffer.IsReverse(4, 2), "the current item is in reverse video");
        Assert.False(buffer.IsReverse(5, 2));
    }

    [Fact]
    public void Dialog_matches_smit_3_2_with_markers_and_more()
    {
        var values = DialogValues.Open(Screens.NodeDialog());
        Screens.AssertGolden("dialog", Screens.Render(FormScreen.ForDialog(values, new Dictionary<string, string>())));
    }

    [Fact]
    public void Selector_matches_smit_3_3()
    {
        var selector = new Selector
        {
            Id = "cm_chg_node_sel",
            Title = "Change/Show a Cluster Node",
            Next = "cm_chg_node",
            Field = Screens.Field("node", "0", "Node name", required: Required.NonBlank, op: OpType.List),
        };
        Screens.AssertGolden("selector", Screens.Render(FormScreen.ForSelector(selector, new Dictionary<string, string>())));
    }

    [Fact]
    public void Single_list_matches_smit_3_4()
    {
        var field = Screens.Field("path", "030", "Communication path to node", op: OpType.List);
        var list = ListOutput.Parse("10.1.1.21\n10.1.1.22\nnode01-boot\nnode01-svc\n");
        var buffer = Screens.Render(ListPopup.ForField(field, list, _ => { }));
        Screens.AssertGolden("list-single", buffer);
        Assert.True(buffer.IsReverse(15, 6), "the current item is in reverse video");
    }

    [Fact]
    public void Multi_list_matches_smit_3_5_with_f7_marks()
    {
        var field = Screens.Field("networks", "090", "Cluster networks to join", op: OpType.List, multi: MultiSelect.Comma) with { ListMode = ListMode.First };
        var list = ListOutput.Parse("# Network      Type    Subnet\nnet_ether_01   ether   10.1.1.0/24\nnet_ether_02   ether   10.1.2.0/24\nnet_disk_01    disk    hdisk3\n");
        string? picked = null;
        var popup = ListPopup.ForField(field, list, v => picked = v);
        var host = NSubstitute.Substitute.For<IScreenHost>();
        // The session closes the list, then hands the pick on (IScreenHost.ClosePicked).
        NSubstitute.SubstituteExtensions.When(host, h => h.ClosePicked(popup, NSubstitute.Arg.Any<Action>())).Do(c => c.Arg<Action>()());
        popup.Handle(Input.KeyPress.Of(Input.KeyName.F7), Input.UiAction.Select, host);
        popup.Handle(Input.KeyPress.Of(Input.KeyName.Down), null, host);
        popup.Handle(Input.KeyPress.Of(Input.KeyName.Down), null, host);
        popup.Handle(Input.KeyPress.Of(Input.KeyName.F7), Input.UiAction.Select, host);
        Screens.AssertGolden("list-multi", Screens.Render(popup));
        popup.Handle(Input.KeyPress.Of(Input.KeyName.Enter), Input.UiAction.Do, host);
        Assert.Equal("net_ether_01,net_disk_01", picked);
    }

    [Fact]
    public void Command_status_matches_smit_3_6()
    {
        var status = new StatusScreen("clnodechg -p'10.1.1.22' node01");
        status.Complete(CommandResult.Local(0,
            "clnodechg: updating node node01\nclnodechg: communication path set to 10.1.1.22\nclnodechg: propagating configuration to 3 nodes\nclnodechg: done\n"));
        Screens.AssertGolden("command-status", Screens.Render(status));
    }

    [Fact]
    public void Are_you_sure_matches_smit_3_7()
    {
        Screens.AssertGolden("are-you-sure", Screens.Render(MessagePopup.AreYouSure(() => { })));
    }

    [Fact]
    public void Show_command_string_matches_smit_3_8()
    {
        Screens.AssertGolden("show-command", Screens.Render(MessagePopup.CommandString("clnodechg -p'10.1.1.22' -w'0x20' node01")));
    }
}
