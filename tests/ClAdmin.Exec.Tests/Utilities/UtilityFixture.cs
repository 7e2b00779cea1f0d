using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.Utilities;
using ClAdmin.Shell;
using ClAdmin.Store;
using ClAdmin.Testing;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Exec.Tests.Utilities;

/// <summary>A scriptable cluster state: groups online where told, the manager state per node.</summary>
public sealed class FakeState : IClusterState
{
    public Dictionary<string, ClusterManagerState> Managers { get; } = [];
    public Dictionary<(string Group, string Node), ResourceGroupState> Groups { get; } = [];
    public Dictionary<string, string> Overrides { get; } = [];
    public Dictionary<string, GroupMove> Moves { get; } = [];
    public List<SubsystemStatus> Subsystemlist { get; } = [];

    public ClusterManagerState ManagerState(string node) => Managers.GetValueOrDefault(node, ClusterManagerState.Init);
    public ResourceGroupState GroupState(string group, string node) => Groups.GetValueOrDefault((group, node), ResourceGroupState.Offline);
    public string? PriorityOverrideLocation(string group) => Overrides.GetValueOrDefault(group);
    public GroupMove? PendingMove(string group) => Moves.GetValueOrDefault(group);
    public IReadOnlyList<SubsystemStatus> Subsystems(string node) => Subsystemlist;
    public DateTime Now { get; set; } = new(2008, 3, 12, 9, 0, 0);
    public string TimeZoneName => "CDT";

    /// <summary>Services stable on every node, rg1 online on n1, rg2 online on n3.</summary>
    public static FakeState Running()
    {
        var s = new FakeState();
        foreach (var n in new[] { "n1", "n2", "n3" })
        {
            s.Managers[n] = ClusterManagerState.Stable;
        }
        s.Groups[("rg1", "n1")] = ResourceGroupState.Online;
        s.Groups[("rg2", "n3")] = ResourceGroupState.Online;
        return s;
    }
}

/// <summary>
/// A three-node cluster in a real temp SQLite file, configured through clmgr: two networks (ether
/// and diskhb), rg1 (OHN/FNPN/NFB on n1,n2: svc1, app1, datavg) and rg2 (OFAN/FNPN/FBHPN on
/// n3,n2: svc2, app2, appvg), a process monitor on app1.
/// </summary>
public sealed class UtilityFixture : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-utils-").FullName;

    public string Db => Path.Combine(_dir, "cladmin.db");

    public ObjectRepository Open() => ObjectRepository.Open(Db);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    public UtilityFixture Configure()
    {
        var clmgr = new ClmgrHandler(Open, new SnapshotRepository(Path.Combine(_dir, "snapshots")));
        string[] lines =
        [
            "clmgr add cluster demo NODES=n1,n2,n3 CLUSTER_ID=4711",
            "clmgr add network net_ether_01 TYPE=ether NETMASK=255.255.255.0",
            "clmgr add network net_diskhb_01 TYPE=diskhb",
            "clmgr add interface n1_boot NETWORK=net_ether_01 NODE=n1 INTERFACE=en0 ADDRESS=192.168.1.1",
            "clmgr add interface n2_boot NETWORK=net_ether_01 NODE=n2 INTERFACE=en0 ADDRESS=192.168.1.2",
            "clmgr add interface n3_boot NETWORK=net_ether_01 NODE=n3 INTERFACE=en1 ADDRESS=192.168.1.3",
            "clmgr add interface n1_hdisk2_01 NETWORK=net_diskhb_01 NODE=n1 INTERFACE=/dev/hdisk2",
            "clmgr add interface n2_hdisk2_01 NETWORK=net_diskhb_01 NODE=n2 INTERFACE=/dev/hdisk2",
            "clmgr add service_ip svc1 NETWORK=net_ether_01 ADDRESS=10.1.1.10",
            "clmgr add service_ip svc2 NETWORK=net_ether_01 ADDRESS=10.1.1.20",
            "clmgr add application_controller app1 STARTSCRIPT=/ha/app1/start STOPSCRIPT=/ha/app1/stop",
            "clmgr add application_controller app2 STARTSCRIPT=/ha/app2/start STOPSCRIPT=/ha/app2/stop",
            "clmgr add application_monitor mon1 TYPE=Process APPLICATIONS=app1 PROCESSES=app1d OWNER=root",
            "clmgr add volume_group datavg NODES=n1,n2 PHYSICAL_VOLUMES=hdisk3",
            "clmgr add volume_group appvg NODES=n2,n3 PHYSICAL_VOLUMES=hdisk4",
            "clmgr add resource_group rg1 NODES=n1,n2 STARTUP=OHN FALLOVER=FNPN FALLBACK=NFB",
            "clmgr add resource_group rg2 NODES=n3,n2 STARTUP=OFAN FALLOVER=FNPN FALLBACK=FBHPN",
            "clmgr modify resource_group rg1 SERVICE_LABEL=svc1 APPLICATIONS=app1 VOLUME_GROUP=datavg",
            "clmgr modify resource_group rg2 SERVICE_LABEL=svc2 APPLICATIONS=app2 VOLUME_GROUP=appvg",
        ];
        foreach (var line in lines)
        {
            var r = clmgr.RunAsync(new CommandInvocation(line, "clmgr", ShellWords.Split(line).Skip(1).ToList(), "", "n1"), CancellationToken.None).Result;
            Assert.True(r.ExitCode == 0, $"{line}\n{r.Stderr}");
        }
        return this;
    }

    /// <summary>Runs a utility line through the handlers UtilityHandlers.Create registers.</summary>
    public CommandResult Run(string line, IClusterState state)
    {
        var words = ShellWords.Split(line);
        var handler = UtilityHandlers.Create(Open, state).Single(h => h.Names.Contains(words[0]));
        return handler.RunAsync(new CommandInvocation(line, words[0], words.Skip(1).ToList(), "", "n1"), CancellationToken.None).Result;
    }

    public static string Golden(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "ClAdmin.Exec.Tests", "Utilities", "Golden", name)).ReplaceLineEndings("\n");
}
