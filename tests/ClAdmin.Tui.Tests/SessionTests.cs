using ClAdmin.Contracts;
using ClAdmin.Menus;
using ClAdmin.Shell;
using ClAdmin.Testing;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Logging;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Screens;
using ClAdmin.Tui.Session;
using NSubstitute;

using static ClAdmin.Testing.SessionKeys;

namespace ClAdmin.Tui.Tests;

/// <summary>The session on the shipped menus, driven by keys, with the dispatcher faked at its seam.</summary>
public sealed class SessionTests
{
    private static readonly Lazy<MenuTree> Tree = new(() =>
        MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null).Tree!);

    private readonly IDispatcher _dispatcher = Substitute.For<IDispatcher>();
    private readonly ISessionLog _log = Substitute.For<ISessionLog>();

    private TuiSession Start(string fastpath, bool noExecute = false)
    {
        var session = new TuiSession(Tree.Value, _dispatcher, _log, new TuiOptions { NoExecute = noExecute });
        Assert.True(session.Start(fastpath, out var error), error);
        return session;
    }

    private void Returns(string commandLine, CommandResult result) =>
        _dispatcher.RunAsync(Arg.Is<CommandRequest>(r => r.CommandLine == commandLine), Arg.Any<CancellationToken>()).Returns(result);

    [Fact]
    public async Task Navigating_to_add_a_user_fills_fields_and_runs_the_built_command()
    {
        var session = Start("hacmp");
        Returns("cl_mkuser id='300' jdoe", CommandResult.Local(0, "cl_mkuser: user jdoe added\n"));
        // hacmp -> C-SPOC -> Security and Users -> Users -> Add a User (selector) -> dialog
        await Keys(session, KeyName.Down, KeyName.Down, KeyName.Enter);
        await Keys(session, KeyName.Down, KeyName.Down, KeyName.Down, KeyName.Down, KeyName.Down, KeyName.Enter);
        await Keys(session, KeyName.Down, KeyName.Enter, KeyName.Enter);
        Assert.Contains("Select nodes by Resource Group", Screen(session));
        await Keys(session, KeyName.Enter);
        Assert.Contains("Add a User to the Cluster", Screen(session));
        await Keys(session, KeyName.Down, "jdoe", KeyName.Down, "3x00");
        Assert.Contains("* User NAME                                          [jdoe]", Screen(session));
        Assert.Contains("  User ID                                            [300]                   #", Screen(session));
        await Keys(session, KeyName.F6);
        Assert.Contains("SHOW COMMAND STRING", Screen(session));
        Assert.Contains("|   cl_mkuser id='300' jdoe", Screen(session));
        await Keys(session, KeyName.Enter, KeyName.Enter);
        var status = Assert.IsType<StatusScreen>(session.Top);
        Assert.Equal(CommandState.Ok, status.State);
        Assert.Contains("Command: OK            stdout: yes           stderr: no", Screen(session));
        Assert.Contains("cl_mkuser: user jdoe added", Screen(session));
        _log.Received().Command("cl_mkuser id='300' jdoe", 0, true);
        // F3 back through the stack to the top menu, then F3 once more leaves.
        await Keys(session, KeyName.F3, KeyName.F3, KeyName.F3, KeyName.F3, KeyName.F3, KeyName.F3);
        Assert.Contains("HACMP for AIX", Screen(session));
        Assert.False(session.Exited);
        await Keys(session, KeyName.F3);
        Assert.True(session.Exited);
    }

    [Fact]
    public async Task Under_x_enter_logs_the_command_and_runs_nothing()
    {
        var session = Start("cl_mkuser", noExecute: true);
        await Keys(session, KeyName.Down, "jdoe", KeyName.Enter);
        var status = Assert.IsType<StatusScreen>(session.Top);
        Assert.Equal(CommandState.Ok, status.State);
        Assert.Contains("NOT run", Screen(session));
        await _dispatcher.DidNotReceiveWithAnyArgs().RunAsync(default!, default);
        _log.Received().Command("cl_mkuser jdoe", 0, false);
    }

    [Fact]
    public async Task A_dialog_that_asks_shows_are_you_sure_and_f3_runs_nothing()
    {
        var session = Start("cl_rmuser");
        await Keys(session, KeyName.Down, "jdoe", KeyName.Enter);
        Assert.Contains("ARE YOU SURE?", Screen(session));
        await Keys(session, KeyName.F3);
        Assert.IsType<FormScreen>(session.Top);
        await _dispatcher.DidNotReceiveWithAnyArgs().RunAsync(default!, default);
        Returns("cl_rmuser jdoe", CommandResult.Local(0, ""));
        await Keys(session, KeyName.Enter, KeyName.Enter);
        Assert.IsType<StatusScreen>(session.Top);
        await _dispatcher.Received(1).RunAsync(Arg.Is<CommandRequest>(r => r.CommandLine.StartsWith("cl_rmuser", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task F4_on_a_list_field_runs_the_list_command_and_enter_picks()
    {
        var session = Start("cl_mkuser");
        Returns("clmgr query resource_group", CommandResult.Local(0, "rg1\nrg2\n"));
        await Keys(session, KeyName.F4);
        var popup = Assert.IsType<ListPopup>(session.Top);
        Assert.Contains("|   rg2", Screen(session));
        await Keys(session, KeyName.Down, KeyName.Enter);
        var form = Assert.IsType<FormScreen>(session.Top);
        Assert.Equal("rg2", form.TextOf(form.Fields[0]));
        _log.Received().Intermediate("clmgr query resource_group", 0);
    }

    [Fact]
    public async Task A_failing_list_command_shows_its_error()
    {
        var session = Start("cl_mkuser");
        Returns("clmgr query resource_group", CommandResult.Local(3, "", "not available until the dispatcher lands\n"));
        await Keys(session, KeyName.F4);
        Assert.Contains("ERROR MESSAGE", Screen(session));
        Assert.Contains("not available until the dispatcher lands", Screen(session));
    }

    [Fact]
    public async Task F4_on_a_ring_lists_its_values_and_tab_cycles_it()
    {
        var session = Start("cl_mkuser");
        await Keys(session, KeyName.Down, KeyName.Down, KeyName.Down); // ADMINISTRATIVE USER? (false)
        var form = Assert.IsType<FormScreen>(session.Top);
        Assert.Equal("admin", form.CurrentField!.Id);
        await Keys(session, KeyName.Tab);
        Assert.Equal("true", form.TextOf(form.CurrentField));
        await Keys(session, KeyName.BackTab);
        Assert.Equal("false", form.TextOf(form.CurrentField));
        await Keys(session, KeyName.F4);
        Assert.Contains("|   true", Screen(session));
        await Keys(session, KeyName.Home, KeyName.Enter);
        Assert.Equal("true", form.TextOf(form.CurrentField));
        await _dispatcher.DidNotReceiveWithAnyArgs().RunAsync(default!, default);
    }

    [Fact]
    public async Task A_ghost_selector_pops_its_list_at_once()
    {
        Returns("cl_lsuser -c ALL", CommandResult.Local(0, "#name:id\njdoe:300\nroot:0\n"));
        var session = Start("cl_chuser");
        await session.SettleAsync();
        Assert.IsType<ListPopup>(session.Top);
        Assert.DoesNotContain("Type or select a value", Screen(session));
    }

    [Fact]
    public async Task A_list_run_on_the_nodes_shows_each_name_once_without_node_prefixes()
    {
        // cl_lsuser -c ALL as C-SPOC returns it: each node's lsuser -c output, prefixed in Stdout.
        const string node1 = "#name:id\nroot:0\njdoe:300\n";
        const string node2 = "#name:id\nroot:0\nonly2:444\njdoe:300\n";
        Returns("cl_lsuser -c ALL", new CommandResult(0,
            "node1: #name:id\nnode1: root:0\nnode1: jdoe:300\nnode2: #name:id\nnode2: root:0\nnode2: only2:444\nnode2: jdoe:300\n", "",
            [new("node1", NodeOutcome.Ok, 0, node1, "", TimeSpan.Zero), new("node2", NodeOutcome.Ok, 0, node2, "", TimeSpan.Zero)]));
        var session = Start("cl_chuser");
        await session.SettleAsync();

        var popup = Assert.IsType<ListPopup>(session.Top);
        var screen = Screen(session);
        Assert.DoesNotContain("node1:", screen);
        Assert.Single(screen.Split('\n'), l => l.Contains("jdoe", StringComparison.Ordinal));
        Assert.Contains("only2", screen);
        await Keys(session, KeyName.Down, KeyName.Down);
        Assert.Equal("only2", popup.Chosen());
    }

    [Fact]
    public async Task A_fan_out_result_shows_the_node_grid_and_reruns_on_the_failed_nodes()
    {
        var session = Start("cl_mkuser");
        var nodes = new List<NodeResult>
        {
            new("node1", NodeOutcome.Ok, 0, "", "", TimeSpan.Zero),
            new("node2", NodeOutcome.Failed, 1, "", "mkuser: exists", TimeSpan.Zero),
            new("node3", NodeOutcome.Unreachable, 255, "", "", TimeSpan.Zero),
        };
        _dispatcher.RunAsync(Arg.Is<CommandRequest>(r => r.Nodes == null), Arg.Any<CancellationToken>())
            .Returns(new CommandResult(1, "node1: ok\n", "node2: mkuser: exists\n", nodes));
        _dispatcher.RunAsync(Arg.Is<CommandRequest>(r => r.Nodes != null), Arg.Any<CancellationToken>())
            .Returns(new CommandResult(0, "done\n", "", [new("node2", NodeOutcome.Ok, 0, "", "", TimeSpan.Zero), new("node3", NodeOutcome.Ok, 0, "", "", TimeSpan.Zero)]));
        await Keys(session, KeyName.Down, "jdoe", KeyName.Enter);
        var screen = Screen(session);
        Assert.Contains("Command: failed", screen);
        Assert.Contains("stderr: yes", screen);
        Assert.Contains("Nodes: 3   ok: 1   failed: 1   timed out: 0   unreachable: 1", screen);
        Assert.Contains("node1: ok           node2: failed rc=1  node3: unreachable", screen);
        Assert.Contains("F5=Rerun Failed", screen);
        await Keys(session, KeyName.F5);
        await _dispatcher.Received(1).RunAsync(
            Arg.Is<CommandRequest>(r => r.Nodes != null && r.Nodes.SequenceEqual(new[] { "node2", "node3" }) && r.CommandLine == "cl_mkuser jdoe"),
            Arg.Any<CancellationToken>());
        Assert.Contains("Command: OK", Screen(session));
    }

    [Fact]
    public async Task Ctrl_c_cancels_a_running_command()
    {
        var session = Start("cl_mkuser");
        _dispatcher.RunAsync(Arg.Any<CommandRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Task.Delay(Timeout.Infinite, ci.Arg<CancellationToken>()).ContinueWith<CommandResult>(_ => throw new OperationCanceledException(), TaskScheduler.Default));
        session.Key(KeyPress.Of(KeyName.Down));
        foreach (var c in "jdoe") { session.Key(KeyPress.Text(c)); }
        session.Key(KeyPress.Of(KeyName.Enter));
        Assert.Contains("Command: running", Screen(session));
        session.Key(KeyPress.Of(KeyName.Interrupt));
        await session.SettleAsync();
        Assert.Contains("Command: failed", Screen(session));
        Assert.Contains("cancelled", Screen(session));
    }

    [Fact]
    public async Task Numeric_fields_refuse_letters_and_secret_fields_are_never_drawn()
    {
        var session = Start("cl_mkuser");
        await Keys(session, KeyName.Down, KeyName.Down, "12ab3");
        var form = Assert.IsType<FormScreen>(session.Top);
        Assert.Equal("123", form.TextOf(form.CurrentField!));
    }

    [Fact]
    public async Task F8_shows_the_fast_path_and_writes_the_screen_to_the_log()
    {
        var session = Start("cl_users");
        await Keys(session, KeyName.F8);
        Assert.Contains("Current fast path:  \"cl_users\"", Screen(session));
        _log.Received().ScreenImage(Arg.Is<string>(s => s.Contains("Users in an HACMP cluster", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Slash_finds_in_a_menu_and_n_finds_the_next_match()
    {
        var session = Start("cl_users");
        var menu = Assert.IsType<MenuScreen>(session.Top);
        await Keys(session, "/", "user", KeyName.Enter);
        Assert.Equal(1, menu.Current);
        await Keys(session, "n");
        Assert.Equal(2, menu.Current);
    }

    [Fact]
    public async Task F1_shows_the_help_of_the_current_field()
    {
        var session = Start("cl_mkuser");
        await Keys(session, KeyName.F1);
        Assert.Contains("| Resource group whose participating nodes the command runs on.", Screen(session));
    }

    [Fact]
    public async Task A_fast_path_that_opens_on_a_pick_list_goes_on_to_its_dialog_after_the_pick()
    {
        // smitty cl_mklv: SMIT pops the volume group list up first; the pick opens the dialog
        // (issue 17 §2), it does not end the session.
        Returns("cl_lsvg -S", CommandResult.Local(0, "#Volume Group    Node List\nsharedvg1        node1,node2\nsharedvg2        node1,node2\n"));
        var session = Start("cl_mklv");
        await session.SettleAsync();
        Assert.IsType<ListPopup>(session.Top);
        await Keys(session, KeyName.Down, KeyName.Enter);
        Assert.False(session.Exited);
        Assert.IsType<FormScreen>(session.Top);
        Assert.Contains("Add a Shared Logical Volume", Screen(session));
        Assert.Contains("sharedvg2", Screen(session));
        await Keys(session, KeyName.F3);
        Assert.True(session.Exited);
    }

    [Fact]
    public async Task F3_on_a_fast_path_pick_list_leaves()
    {
        Returns("cl_lsvg -S", CommandResult.Local(0, "#Volume Group    Node List\nsharedvg1        node1,node2\n"));
        var session = Start("cl_mklv");
        await session.SettleAsync();
        await Keys(session, KeyName.F3);
        Assert.True(session.Exited);
    }

    [Fact]
    public async Task F10_exits_from_any_screen_and_logs_it()
    {
        var session = Start("cl_mkuser");
        await Keys(session, KeyName.F4);
        _dispatcher.ClearReceivedCalls();
        await Keys(session, KeyName.F10);
        Assert.True(session.Exited);
        _log.Received(1).Exiting();
    }
}
