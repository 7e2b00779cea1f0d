using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Tests;

/// <summary>The world document of <see cref="WorldJson"/> against the System.Text.Json form it
/// replaced (<see cref="StjWorldOracle"/>): same bytes out, same world in.</summary>
public sealed class WorldJsonTests
{
    public static TheoryData<string> Worlds => ["empty", "bare node", "demo", "32 nodes", "busy"];

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Serialize_writes_what_the_source_generated_serializer_wrote(string name)
    {
        var world = Build(name);
        Assert.Equal(StjWorldOracle.Serialize(world), WorldJson.Serialize(world));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Deserialize_reads_back_what_the_source_generated_serializer_wrote(string name)
    {
        var json = StjWorldOracle.Serialize(Build(name));
        Assert.Equal(json, StjWorldOracle.Serialize(WorldJson.Deserialize(json)));
    }

    /// <summary>The world names; built in the test so each gets a fresh instance.</summary>
    internal static SimWorld Build(string name) => name switch
    {
        "empty" => new SimWorld(),
        "bare node" => new SimWorld { Nodes = { new SimNode() }, Disks = { new SimDisk() }, VolumeGroups = { new VolumeGroup { LogicalVolumes = { new LogicalVolume() } } } },
        "demo" => Demo(),
        "32 nodes" => WorldBuilder.Build(new WorldOptions(Nodes: 32, Disks: 64, Seed: 1)),
        "busy" => Busy(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The demo with an application running and one killed (processes, an app fault).</summary>
    private static SimWorld Demo()
    {
        var world = WorldBuilder.Build(new WorldOptions(Demo: true));
        world.Ok("node1", "/usr/local/ha/app1/start.sh");
        world.Ok("node2", "/usr/local/ha/app2/start.sh");
        Assert.True(SimFaults.Fail(world, "app", "node2:app2").Ok);
        return world;
    }

    /// <summary>Everything the document can hold, nullable fields both set and null: VGs (one
    /// concurrent, one reserved), a file system and a raw LV, a mount, users with attributes and
    /// passwords, faults of every kind but app, odd characters and UTC times with fractions.</summary>
    private static SimWorld Busy()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkvg -y datavg -s 64 -V 60 -n -C hdisk1 hdisk2");
        world.Ok("node1", "varyonvg -c datavg");
        world.Ok("node1", "crfs -v jfs2 -g datavg -m /data -a size=2G");
        world.Ok("node1", "mklv -y rawlv datavg 2");
        world.Clock = world.Clock.AddMinutes(62);
        world.Ok("node1", "mount /data");
        world.Ok("node1", "mkvg -y appvg -s 64 hdisk3");
        Assert.Equal("node1", world.FindVg(world.VgId("node1", "appvg"))!.ReservedBy);
        world.Ok("node1", "mkgroup dba");
        world.Ok("node1", "mkuser id=205 pgrp=dba groups=staff,dba jdoe");
        world.Ok("node1", "chuser gecos='John Doe' shell=/usr/bin/bash jdoe");
        world.Ok("node1", "chpasswd", "jdoe:Secret123\n");
        var jdoe = world.FindNode("node1")!.Users.Find(u => u.Name == "jdoe")!;
        jdoe.Attributes["a"] = "lower";
        jdoe.Attributes["B"] = "upper";
        Assert.True(SimFaults.Fail(world, "interface", "node2:en1").Ok);
        Assert.True(SimFaults.Fail(world, "disk", "lun03").Ok);
        Assert.True(SimFaults.Fail(world, "network", "net_ether_02").Ok);
        Assert.True(SimFaults.Fail(world, "node", "node2").Ok);
        world.FindDisk("node2-rootdisk")!.Pvid = null;
        var node1 = world.FindNode("node1")!;
        node1.Files["/tmp/odd"] = new SimFile
        {
            Content = "quote \" backslash \\ <tag> & 'apos' +plus é ü 日本 😀 \u0001 \t tab\r\n",
            Mode = "-rwxr-x---",
            Modified = new DateTime(2024, 3, 12, 10, 2, 3, 456, DateTimeKind.Utc).AddTicks(7),
        };
        node1.Processes.Add(new SimProcess { Pid = world.TakePid(), Command = "/usr/bin/sleep 600", Started = new DateTime(2024, 3, 12, 10, 2, 3, DateTimeKind.Utc) });
        node1.Subsystems[0].Pid = null;
        node1.Metrics.CpuIdlePercent = 97;
        return world;
    }
}
