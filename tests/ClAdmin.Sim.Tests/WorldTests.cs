using ClAdmin.Sim.Model;
using ClAdmin.Sim.Persistence;

namespace ClAdmin.Sim.Tests;

public sealed class WorldTests
{
    [Fact]
    public void Json_round_trip_is_lossless()
    {
        var world = TestWorld.WithDataVg();
        var json = WorldJson.Serialize(world);
        var back = WorldJson.Deserialize(json);
        Assert.Equal(json, WorldJson.Serialize(back));
        Assert.Equal(world.Ok("node1", "lsvg datavg"), back.Ok("node1", "lsvg datavg"));
        Assert.Equal(VaryState.Active, back.FindNode("node1")!.FindVgByName("datavg")!.State);
    }

    [Fact]
    public void The_same_seed_builds_the_same_world_and_another_seed_another()
    {
        var a = WorldJson.Serialize(WorldBuilder.Build(new WorldOptions(Nodes: 3, Disks: 5, Seed: 42)));
        var b = WorldJson.Serialize(WorldBuilder.Build(new WorldOptions(Nodes: 3, Disks: 5, Seed: 42)));
        var c = WorldJson.Serialize(WorldBuilder.Build(new WorldOptions(Nodes: 3, Disks: 5, Seed: 43)));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Init_builds_nodes_networks_disks_and_hosts_in_documentation_ranges()
    {
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 4, Disks: 3, Seed: 5));
        Assert.Equal(["node1", "node2", "node3", "node4"], world.Nodes.Select(n => n.Name));
        Assert.Equal(2, world.Networks.Count);
        Assert.Equal(3, world.Disks.Count(d => d.Names.Count == 4));
        var addresses = world.Nodes.SelectMany(n => n.Interfaces).SelectMany(i => i.Addresses).Select(a => a.Address).ToList();
        Assert.All(addresses, a => Assert.True(a.StartsWith("192.0.2.", StringComparison.Ordinal) || a.StartsWith("198.51.100.", StringComparison.Ordinal) || a.StartsWith("203.0.113.", StringComparison.Ordinal), a));
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.Contains("198.51.100.13   node3_boot2", world.Ok("node1", "cat /etc/hosts"), StringComparison.Ordinal);
        Assert.Equal(4, world.NonIpLinks.Count);
        // Each PVID is the same disk on every node.
        foreach (var disk in world.Disks.Where(d => d.Names.Count == 4))
        {
            Assert.All(world.Nodes, n => Assert.Contains($"{disk.NameOn(n.Name),-16}{disk.Pvid}", world.Ok(n.Name, "lspv"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_demo_has_shared_vgs_imported_everywhere_with_one_major_and_scripts()
    {
        var world = WorldBuilder.Build(new WorldOptions(Demo: true));
        foreach (var node in world.Nodes)
        {
            Assert.Equal(60, node.FindVgByName("datavg")!.Major);
            Assert.Equal(61, node.FindVgByName("appvg")!.Major);
            Assert.Equal("rootvg\n", world.Ok(node.Name, "lsvg -o"));
            Assert.Contains("/data", world.Ok(node.Name, "lsfs"), StringComparison.Ordinal);
            Assert.Contains("app2_svc", world.Ok(node.Name, "cat /etc/hosts"), StringComparison.Ordinal);
            Assert.Contains("start.sh", world.Ok(node.Name, "ls /usr/local/ha/app1"), StringComparison.Ordinal);
        }
        Assert.Equal(2, DemoWorld.Layout.Count);
    }

    [Fact]
    public void Stores_refuse_a_save_against_a_stale_version()
    {
        var dir = Directory.CreateTempSubdirectory("clsim");
        try
        {
            foreach (var store in new IWorldStore[] { new InMemoryWorldStore(), new FileWorldStore(Path.Combine(dir.FullName, "world.json")) })
            {
                Assert.Null(store.Load());
                var world = TestWorld.Create();
                Assert.Equal(WorldSaveResult.Ok(1), store.Save(world, 0));
                var first = store.Load()!;
                var second = store.Load()!;
                first.World.Ok("node1", "mkvg -y datavg hdisk1");
                Assert.True(store.Save(first.World, first.Version).Saved);
                Assert.Equal(WorldSaveResult.Conflict(2), store.Save(second.World, second.Version));
                Assert.Equal("rootvg\ndatavg\n", store.Load()!.World.Ok("node1", "lsvg"));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
