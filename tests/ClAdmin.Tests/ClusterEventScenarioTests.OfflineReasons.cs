namespace ClAdmin.Tests;

/// <summary>
/// The "offline due to ..." states (semantics §3 R-STATE: OFFLINE DUE TO PARENT OFFLINE, ... [DOC]) in clRGinfo's table
/// (layout outputs §3.1 [VERBATIM]) and its -s rows (outputs §3.4), on the demo with rg1 the parent of rg2 (R-DEP-PC).
/// </summary>
public sealed partial class ClusterEventScenarioTests
{
    [Fact]
    public async Task R_DEP_PC_clRGinfo_shows_a_child_waiting_for_its_parent_as_offline_due_to_parent_offline()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr add dependency PARENT=rg1 CHILD=rg2");
        await Ok(runtime, "clmgr sync cluster");

        // Only node2 starts: rg1 (Online On Home Node Only, home node1) stays OFFLINE, rg2 waits for its parent.
        await Ok(runtime, "clmgr online node node2");

        Assert.Equal("""
            -----------------------------------------------------------------------------
            Group Name                   State            Node
            -----------------------------------------------------------------------------
            rg1                          OFFLINE          node1
                                         OFFLINE          node2
            rg2                          OFFLINE DUE TO PARENT OFFLINE node2
                                         OFFLINE DUE TO PARENT OFFLINE node1

            """.ReplaceLineEndings("\n"), await Ok(runtime, "clRGinfo"));
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:OFFLINE:node2", "rg2:OFFLINE DUE TO PARENT OFFLINE:node2", "rg2:OFFLINE DUE TO PARENT OFFLINE:node1"], await Groups(runtime));

        // R-ORDER: node1 joining brings the parent online, then the child; the reason is gone.
        await Ok(runtime, "clmgr online node node1");
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
    }
}
