using ClAdmin.Contracts;
using ClAdmin.Menus;
using ClAdmin.Shell;
using ClAdmin.Testing;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Screens;
using ClAdmin.Tui.Session;
using NSubstitute;

using static ClAdmin.Testing.SessionKeys;

namespace ClAdmin.Tui.Tests;

/// <summary>
/// Issue 19 §4: the Live Cluster Status screen (a "live" dialog, cl_sim_status) runs its command
/// again at each tick of the terminal's one-second timer while it is the screen on top, showing the
/// latest output in place; a screen that is not live, or not on top, is not re-run.
/// </summary>
public sealed class LiveStatusTests
{
    private static readonly Lazy<MenuTree> Tree = new(() =>
        MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null).Tree!.ForTransport("sim"));

    private readonly IDispatcher _dispatcher = Substitute.For<IDispatcher>();

    [Fact]
    public async Task Each_tick_shows_the_status_as_it_is_now()
    {
        _dispatcher.RunAsync(Arg.Is<CommandRequest>(r => r.CommandLine == "clsim status"), Arg.Any<CancellationToken>())
            .Returns(CommandResult.Local(0, "rg1             ONLINE      node1\n"),
                CommandResult.Local(0, "rg1             ACQUIRING   node2\n"),
                CommandResult.Local(0, "rg1             ONLINE      node2\n"));
        var session = new TuiSession(Tree.Value, _dispatcher);
        Assert.True(session.Start("cl_sim_status", out var error), error);
        await session.SettleAsync();
        Assert.Contains("rg1             ONLINE      node1", Screen(session));

        session.Tick();
        await session.SettleAsync();
        var screen = Screen(session);
        Assert.Contains("rg1             ACQUIRING   node2", screen);
        Assert.DoesNotContain("node1", screen);

        session.Tick();
        await session.SettleAsync();
        Assert.Contains("rg1             ONLINE      node2", Screen(session));
        Assert.Equal(1, Screen(session).Split('\n').Count(l => l.StartsWith("rg1", StringComparison.Ordinal)));

        // F3 leaves it: no more runs.
        await Keys(session, KeyName.F3);
        session.Tick();
        await session.SettleAsync();
        await _dispatcher.Received(3).RunAsync(Arg.Is<CommandRequest>(r => r.CommandLine == "clsim status"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_command_status_that_is_not_live_is_not_run_again()
    {
        _dispatcher.RunAsync(Arg.Any<CommandRequest>(), Arg.Any<CancellationToken>()).Returns(CommandResult.Local(0, "Settled in 0:00:00 of simulated time.\n"));
        var session = new TuiSession(Tree.Value, _dispatcher);
        Assert.True(session.Start("cl_sim_settle", out var error), error);
        await session.SettleAsync();
        Assert.IsType<StatusScreen>(session.Top);
        session.Tick();
        await session.SettleAsync();
        await _dispatcher.Received(1).RunAsync(Arg.Any<CommandRequest>(), Arg.Any<CancellationToken>());
    }
}
