namespace ClAdmin.Tests;

/// <summary>
/// clmgr as PowerHA 7 scripts use it (issue 15 §1): start/stop are synonyms of online/offline, for nodes and
/// resource groups, and attribute names are case-insensitive (manage=, node=).
/// </summary>
public sealed partial class ClusterEventScenarioTests
{
    [Fact]
    public async Task Clmgr_stop_and_start_are_online_and_offline_with_attribute_names_in_any_case()
    {
        await using var runtime = await Started();

        // S3 through `clmgr stop node`: Move Resource Groups.
        await Ok(runtime, "clmgr stop node node1 manage=move");
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));

        await Ok(runtime, "clmgr start node node1 When=now");
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));

        await Ok(runtime, "clmgr stop resource_group rg2");
        Assert.Equal(["rg2:OFFLINE:node2", "rg2:OFFLINE:node1"], (await Groups(runtime))[2..]);
        await Ok(runtime, "clmgr start resource_group rg2 node=node1");
        Assert.Equal(["rg2:OFFLINE:node2", "rg2:ONLINE:node1"], (await Groups(runtime))[2..]);
    }
}
