namespace ClAdmin.Tests;

/// <summary>
/// `cladmin explain rg` and `cladmin sim whatif fail` (issue 16 §3) run as the real program on a database of
/// its own, each run seeing what the previous one left. The expected sentences and placements are written from
/// the semantics reference's rules: R-SU-1 (a group starts on its home node), R-FO / R-PLACE (a crash moves it to
/// the next node of its list that is up), and what-if changes nothing.
/// </summary>
public sealed class ExplainWhatIfCliTests : CladminCliTest
{
    private ProcessResultOk Ok(params string[] args)
    {
        var r = Cladmin(args);
        Assert.True(r.ExitCode == 0, $"cladmin {string.Join(' ', args)} exited {r.ExitCode}:\n{r.Stdout}{r.Stderr}");
        return new(r.Stdout, r.Stderr);
    }

    private sealed record ProcessResultOk(string Stdout, string Stderr);

    [Fact]
    public void Explain_rg_prints_the_placement_sentence_and_refuses_an_unknown_group()
    {
        Ok("cmd", "--", "clmgr", "online", "cluster");
        var r = Ok("explain", "rg", "rg1");
        Assert.Equal("rg1 is ONLINE on node1 because node1 is its home node (first in its node list) and is up (R-SU-1); node list node1 node2, "
            + "cluster services running on node1, node2; policies OHN FNPN FBHPN.\n", r.Stdout);

        var unknown = Cladmin("explain", "rg", "rg9");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("", unknown.Stdout);
        Assert.Contains("rg9", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_whatif_fail_node_forecasts_the_takeover_and_changes_nothing()
    {
        Ok("cmd", "--", "clmgr", "online", "cluster");
        var before = Ok("cmd", "--", "clRGinfo", "-s").Stdout;
        Assert.StartsWith("rg1:ONLINE:node1:", before, StringComparison.Ordinal);

        var r = Ok("sim", "whatif", "fail", "node", "node1");
        var lines = r.Stdout.Split('\n');
        Assert.Equal("What if: node node1 failed (forecast on a copy of the simulated world; nothing was changed)", lines[0]);
        // node2 runs node1's node_down (S2), then the placement: rg1 on node2, the next node of its list (R-FO FNPN).
        Assert.Contains(lines, l => l.EndsWith("EVENT START: node_down node1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("EVENT COMPLETED: node_down_complete node1 0", StringComparison.Ordinal));
        var table = r.Stdout.Split("Resource group placement afterwards (clRGinfo):\n")[1].Split('\n').ToList();
        // clRGinfo's layout (outputs §3.1): the group's name on its first row only, one row per node of its list.
        var rg1 = table.FindIndex(l => l.StartsWith("rg1 ", StringComparison.Ordinal));
        Assert.Matches(@"^rg1 +OFFLINE +node1 *$", table[rg1]);
        Assert.Matches(@"^ +ONLINE +node2 *$", table[rg1 + 1]);

        // Nothing happened: the same clRGinfo, node1 still up.
        Assert.Equal(before, Ok("cmd", "--", "clRGinfo", "-s").Stdout);
        Assert.Contains("\nFAULTS: none\n", Ok("sim", "status").Stdout, StringComparison.Ordinal);

        var bad = Cladmin("sim", "whatif", "fail", "node", "node9");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("no node node9", bad.Stderr, StringComparison.Ordinal);
    }
}
