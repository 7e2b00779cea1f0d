using ClAdmin.Sim.Faults;

namespace ClAdmin.Tests;

/// <summary>
/// "Why is it there?" (issue 16 §3): clRGinfo -v's Placement line (the sentence `cladmin explain rg` prints)
/// in the policy scenarios of the cluster scenario tests. The expected sentences are written from the
/// semantics reference's rules (R-SU-1, R-SU-2, R-FB-2, R-1.6, R-STATE, R-PLACE), not taken from the code.
/// </summary>
public sealed class ExplainScenarioTests : DemoScenario
{
    private static async Task<string> Why(Runtime runtime, string group) =>
        (await Ok(runtime, $"clRGinfo -v {group}")).Split('\n').Single(l => l.StartsWith("Placement: ", StringComparison.Ordinal))["Placement: ".Length..];

    [Fact]
    public async Task Services_stopped_every_group_is_offline_for_want_of_a_node()
    {
        await using var runtime = await Demo();
        // clRGinfo refuses while services are stopped everywhere; `cladmin explain rg` reads the same sentence.
        var explained = new ClAdmin.Sim.Manager.SimClusterState(runtime.Simulation!, runtime.OpenRepository);
        Assert.Equal("rg1 is OFFLINE because cluster services are not running on any node of its list; node list node1 node2, "
            + "cluster services running on none of them; policies OHN FNPN FBHPN.", explained.Explanation("rg1"));
        Assert.Null(explained.Explanation("rg9"));
    }

    [Fact]
    public async Task S1_each_group_is_on_its_home_node()
    {
        await using var runtime = await Started();
        Assert.Equal("rg1 is ONLINE on node1 because node1 is its home node (first in its node list) and is up (R-SU-1); node list node1 node2, "
            + "cluster services running on node1, node2; policies OHN FNPN FBHPN.", await Why(runtime, "rg1"));
        Assert.Equal("rg2 is ONLINE on node2 because node2 is its home node (first in its node list) and is up (R-SU-1); node list node2 node1, "
            + "cluster services running on node2, node1; policies OHN FNPN NFB.", await Why(runtime, "rg2"));
    }

    [Fact]
    public async Task S2_after_a_crash_the_survivor_is_the_best_node_left()
    {
        await using var runtime = await Started();
        await runtime.ClusterServices!.FaultAsync("fail", w => SimFaults.Fail(w, "node", "node1") is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.Equal("rg1 is ONLINE on node2 because node2 is the highest-priority node of its list that can host it: cluster services are not running on node1 (R-PLACE); "
            + "node list node1 node2, cluster services running on node2; policies OHN FNPN FBHPN.", await Why(runtime, "rg1"));
    }

    [Fact]
    public async Task S10_a_manual_move_and_R_FB_2_never_fallback()
    {
        await using var runtime = await Started();
        await Ok(runtime, "clRGmove -s false -m -i -g 'rg1' -n 'node2'");
        Assert.StartsWith("rg1 is ONLINE on node2 because the user moved it there, which made node2 its priority override location (R-1.6);", await Why(runtime, "rg1"), StringComparison.Ordinal);
        await Ok(runtime, "clmgr offline node node2 MANAGE=move");
        await Ok(runtime, "clmgr online node node2");
        Assert.StartsWith("rg2 is ONLINE on node1 because it never falls back (Never Fallback, R-FB-2), although node2 ranks higher in its node list;", await Why(runtime, "rg2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_taken_offline_by_the_user_and_one_left_unmanaged()
    {
        await using var runtime = await Started();
        await Ok(runtime, "clmgr offline resource_group rg1");
        Assert.StartsWith("rg1 is OFFLINE because the user brought it offline; it stays offline until brought online (R-1.6);", await Why(runtime, "rg1"), StringComparison.Ordinal);
        await Ok(runtime, "clmgr offline node node2 MANAGE=unmanage");
        Assert.StartsWith("rg2 is UNMANAGED on node2 because cluster services on node2 were stopped with Unmanage Resource Groups, which leaves its resources running unmanaged (R-STATE);",
            await Why(runtime, "rg2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_SU_2_an_OFAN_group_waits_for_the_settling_time()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr modify cluster RG_SETTLING_TIME=120");
        await Ok(runtime, "clmgr modify resource_group STARTUP=OFAN rg1");
        using (var repo = runtime.OpenRepository())
        {
            repo.ActivateDefault();
        }
        await Ok(runtime, StartLine, "node2");
        Assert.StartsWith("rg1 is OFFLINE because its settling time is running: it waits for a higher-priority node to join before it starts (R-SU-2);", await Why(runtime, "rg1"), StringComparison.Ordinal);
    }
}
