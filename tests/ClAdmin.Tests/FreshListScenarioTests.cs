using ClAdmin.Tui.Input;
using ClAdmin.Tui.Session;

using static ClAdmin.Testing.SessionKeys;

namespace ClAdmin.Tests;

/// <summary>
/// Issue 17 §2: a pick list is read afresh each time it opens, and F2 (Refresh) on an open list
/// reads it again, so a screen never offers an object that another cladmin process removed. Two
/// runtimes on one database stand for two cladmin processes; the screens run on the first.
/// </summary>
public sealed class FreshListScenarioTests : DemoScenario
{
    private Task<Runtime> Other() =>
        Runtime.CreateAsync(new RuntimeOptions { DatabasePath = Db }, TextWriter.Null, CancellationToken.None);

    private static TuiSession Start(Runtime runtime, string fastpath)
    {
        var session = new TuiSession(MenuDirectory.Load(null).Tree!, runtime.Dispatcher);
        Assert.True(session.Start(fastpath, out var error), error);
        return session;
    }

    [Fact]
    public async Task A_user_list_opened_again_no_longer_offers_a_user_another_cladmin_removed()
    {
        await using var mine = await Demo();
        await using var other = await Other();
        await Ok(mine, "cl_mkuser jdoe");
        var first = Start(mine, "cl_chuser"); // Change / Show Characteristics of a User: its list pops up
        await first.SettleAsync();
        Assert.Contains("jdoe", Screen(first));

        await Ok(other, "cl_rmuser jdoe");

        var again = Start(mine, "cl_chuser");
        await again.SettleAsync();
        Assert.Contains("root", Screen(again));
        Assert.DoesNotContain("jdoe", Screen(again));
    }

    [Fact]
    public async Task F2_on_an_open_user_list_reads_it_again()
    {
        await using var mine = await Demo();
        await using var other = await Other();
        await Ok(mine, "cl_mkuser jdoe");
        var session = Start(mine, "cl_chuser");
        await session.SettleAsync();
        Assert.Contains("jdoe", Screen(session));

        await Ok(other, "cl_rmuser jdoe");
        await Ok(other, "cl_mkuser asmith");
        await Keys(session, KeyName.F2);

        var screen = Screen(session);
        Assert.Contains("User NAME", screen); // still the list, not closed
        Assert.Contains("asmith", screen);
        Assert.DoesNotContain("jdoe", screen);
    }
}
