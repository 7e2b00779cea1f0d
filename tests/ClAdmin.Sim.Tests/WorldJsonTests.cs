using System.Text.Json;
using System.Text.Json.Nodes;
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

    [Fact]
    public void Properties_in_any_order_load_and_sorted_collections_keep_ordinal_order()
    {
        var json = WorldJson.Serialize(Build("busy"));
        var reversed = Reversed(JsonNode.Parse(json)!).ToJsonString();
        Assert.Contains("\"gecos\":\"John Doe\",\"a\":\"lower\",\"B\":\"upper\"", reversed, StringComparison.Ordinal);

        var world = WorldJson.Deserialize(reversed);

        // A node's software is read when first used; until then it is saved as it was stored.
        Assert.Contains("\"software\":{\"rebootPending\":false,", WorldJson.Serialize(world), StringComparison.Ordinal);
        Assert.All(world.Nodes, n => Assert.NotEmpty(n.Software.Filesets));
        Assert.Equal(json, WorldJson.Serialize(world));
        var node1 = world.FindNode("node1")!;
        var jdoe = node1.Users.Find(u => u.Name == "jdoe")!;
        Assert.Equal(["B", "a", "gecos"], jdoe.Attributes.Keys);
        Assert.Same(StringComparer.Ordinal, jdoe.Attributes.Comparer);
        Assert.Same(StringComparer.Ordinal, node1.Files.Comparer);
        Assert.Same(StringComparer.Ordinal, node1.Directories.Comparer);
        Assert.Same(StringComparer.Ordinal, world.Disks[0].Names.Comparer);
        Assert.Same(StringComparer.Ordinal, world.VolumeGroups[0].LogicalVolumes[0].PpsByDisk.Comparer);
    }

    [Fact]
    public void Unknown_properties_are_skipped_and_is_executable_is_computed_not_read()
    {
        var json = WorldJson.Serialize(Build("demo"));
        var doc = JsonNode.Parse(json)!.AsObject();
        JsonNode Future() => JsonNode.Parse("""{"list":[1,{"deeper":null}],"text":"x"}""")!;
        doc.Insert(0, "future", Future());
        doc["nodes"]![0]!.AsObject().Add("future", Future());
        doc["nodes"]![1]!["metrics"]!.AsObject().Insert(1, "future", 7);
        doc["nodes"]![0]!["files"]!["/etc/hosts"]!["isExecutable"] = true;
        doc["disks"]![0]!.AsObject().Add("future", new JsonArray());
        doc["volumeGroups"]![0]!["logicalVolumes"]![0]!.AsObject().Insert(0, "future", "x");

        var world = WorldJson.Deserialize(doc.ToJsonString());

        Assert.Equal(json, WorldJson.Serialize(world));
        Assert.False(world.Nodes[0].Files["/etc/hosts"].IsExecutable);
    }

    [Fact]
    public void Missing_properties_keep_the_class_defaults()
    {
        Assert.Equal(WorldJson.Serialize(new SimWorld()), WorldJson.Serialize(WorldJson.Deserialize("{}")));
        var world = WorldJson.Deserialize("""{"nodes":[{"name":"n1","files":{"/f":{}}}],"disks":[{"id":"lun01","pvid":null}]}""");
        var node = Assert.Single(world.Nodes);
        Assert.True(node.Up);
        Assert.Equal("NOT_CONFIGURED", node.ClusterManagerState);
        Assert.NotNull(node.Metrics);
        Assert.Equal("-rw-r--r--", node.Files["/f"].Mode);
        Assert.Null(world.Disks[0].Pvid);
        Assert.Equal("MPIO FC 2145", world.Disks[0].Description);
        Assert.Equal(3080798, world.NextPid);
    }

    [Fact]
    public void A_property_given_twice_counts_once_the_last_time()
    {
        var world = WorldJson.Deserialize("""{"faults":[{"kind":"disk"}],"seed":1,"faults":[{"kind":"node"}],"seed":2}""");
        Assert.Equal("node", Assert.Single(world.Faults).Kind);
        Assert.Equal(2, world.Seed);
    }

    [Theory]
    [InlineData("""{"nodes":[{},{},{},{"interfaces":[{"mtu":"1500"}]}]}""", "nodes[3].interfaces[0].mtu: expected a number")]
    [InlineData("""{"seed":99999999999}""", "seed: expected a 32-bit integer")]
    [InlineData("""{"volumeGroups":[{"logicalVolumes":[{"ppsByDisk":{"lun01":1.5}}]}]}""", "volumeGroups[0].logicalVolumes[0].ppsByDisk.lun01: expected a 32-bit integer")]
    [InlineData("""{"disks":[{"names":{"node1":5}}]}""", "disks[0].names.node1: expected a string")]
    [InlineData("""{"disks":[{"pvid":7}]}""", "disks[0].pvid: expected a string or null")]
    [InlineData("""{"nodes":[{"up":"yes"}]}""", "nodes[0].up: expected true or false")]
    [InlineData("""{"nodes":[{"files":{"/etc/hosts":{"modified":"yesterday"}}}]}""", "nodes[0].files['/etc/hosts'].modified: expected an ISO 8601 date and time")]
    [InlineData("""{"nodes":[{"volumeGroups":[{"state":"Sideways"}]}]}""", "nodes[0].volumeGroups[0].state: expected Off, Active or Passive")]
    [InlineData("""{"nodes":{}}""", "nodes: expected an array")]
    [InlineData("""{"nodes":[{"metrics":null}]}""", "nodes[0].metrics: expected an object")]
    [InlineData("""{"nodes":[{"users":[{"groups":["staff",null]}]}]}""", "nodes[0].users[0].groups[1]: expected a string")]
    [InlineData("""[]""", "expected an object")]
    public void A_wrong_type_is_a_json_exception_naming_the_path(string json, string message)
    {
        var e = Assert.Throws<JsonException>(() => WorldJson.Deserialize(json));
        Assert.Equal("world document: " + message, e.Message);
    }

    [Theory]
    [InlineData("""{"nodes":[{},{"software":{"filesets":[{"root":"yes"}]}}]}""", "nodes[1].software.filesets[0].root: expected true or false")]
    [InlineData("""{"nodes":[{"software":{"osLevel":7}}]}""", "nodes[0].software.osLevel: expected a string")]
    public void A_wrong_type_in_a_nodes_software_is_reported_when_it_is_first_read_naming_the_path(string json, string message)
    {
        var world = WorldJson.Deserialize(json);
        var e = Assert.Throws<JsonException>(() => world.Nodes[^1].Software);
        Assert.Equal("world document: " + message, e.Message);
    }

    [Theory]
    [InlineData("""{"nodes":[{"software":[]}]}""", "nodes[0].software: expected an object")]
    [InlineData("""{"nodes":[{"software":{"osLevel":"7.1",}}]}""", "nodes[0].software: ")]
    public void A_nodes_software_that_is_not_a_json_object_fails_the_load(string json, string message)
    {
        var e = Assert.Throws<JsonException>(() => WorldJson.Deserialize(json));
        Assert.StartsWith("world document: " + message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"nodes":[{"name":"a"},""", "nodes[0]")]
    [InlineData("""{"nodes":[{"name":"a",}]}""", "nodes[0].name")]
    [InlineData("""{"timeZone":"\ud800"}""", "timeZone")]
    [InlineData("""{} {}""", "")]
    public void Malformed_json_is_a_json_exception_naming_the_path(string json, string path)
    {
        var e = Assert.Throws<JsonException>(() => WorldJson.Deserialize(json));
        Assert.Equal(path, e.Path);
        Assert.StartsWith(path.Length == 0 ? "world document: " : $"world document: {path}: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData(" null\n")]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_document_is_not_a_world(string json)
    {
        var e = Assert.Throws<JsonException>(() => WorldJson.Deserialize(json));
        Assert.Equal("empty world document", e.Message);
    }

    /// <summary>The document with the properties of every object (dictionaries too) in reverse order.</summary>
    private static JsonNode Reversed(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                var reversed = new JsonObject();
                foreach (var (name, value) in obj.Reverse())
                {
                    reversed.Add(name, value is null ? null : Reversed(value));
                }
                return reversed;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Reversed(item))]);
            default:
                return node.DeepClone();
        }
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
        world.Ok("node1", "ifconfig en1 inet 198.51.100.99 netmask 255.255.255.0 up"); // the ODM keeps the boot address
        Assert.NotNull(node1.Interfaces.Find(i => i.Name == "en1")!.OdmAddress);
        return world;
    }
}
