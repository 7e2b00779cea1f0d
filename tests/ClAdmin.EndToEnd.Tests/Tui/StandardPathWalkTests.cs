using ClAdmin.Sim;
using ClAdmin.Sim.Persistence;
using ClAdmin.Store;
using ClAdmin.Testing;
using Microsoft.Data.Sqlite;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// The seed notes' standard-path walk (smitty hacmp > Initialization and Standard Configuration) on
/// a bare simulated world, from the screens of the real cladmin in tmux: add the cluster and its
/// nodes (which discovers them: networks and boot interfaces appear with their addresses), add a
/// service IP label and a resource group with a volume group created by C-SPOC, verify and
/// synchronize, and display the configuration. Expected addresses are the world's (WorldBuilder:
/// en0 192.0.2.10+N/24, labelled nodeN_boot1 in /etc/hosts); app_svc is the label the
/// administrator adds to /etc/hosts on both nodes before starting.
/// </summary>
public sealed class StandardPathWalkTests
{
    private const string Service = "10.10.10.50";

    private static ProcessResult Cladmin(string db, params string[] args) =>
        CladminProcess.Run(["--db", db, .. args], null,
            new Dictionary<string, string> { ["CLADMIN_CSPOC_LOG"] = Path.Combine(Path.GetDirectoryName(db)!, "cspoc.log") });

    /// <summary>A bare world (no demo cluster: what `cladmin sim init` builds), with the service label
    /// added to /etc/hosts of both nodes as an administrator would; returns the PVID of a free shared disk.</summary>
    private static string Prepare(string db)
    {
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 4));
        foreach (var node in world.Nodes)
        {
            node.Files["/etc/hosts"].Content += $"{Service}      app_svc\n";
        }
        Assert.True(new RepositoryWorldStore(() => ObjectRepository.Open(db)).Save(world, 0).Saved);
        SqliteConnection.ClearAllPools();
        return world.Disks.First(d => d.Names.Count == world.Nodes.Count).Pvid!;
    }

    /// <summary>Moves the cursor of the current menu to the next item holding <paramref name="text"/> (/ Find) and opens it.</summary>
    private static void Open(TmuxTerminal t, string text)
    {
        Find(t, text);
        t.Keys("Enter");
    }

    /// <summary>In a multiple-choice list: finds the item holding <paramref name="text"/> and marks it with F7.</summary>
    private static void Mark(TmuxTerminal t, string text)
    {
        Find(t, text);
        t.Keys("F7");
    }

    /// <summary>F3 until the screen shows <paramref name="text"/> (the menu the walk goes on from).</summary>
    private static void Back(TmuxTerminal t, string text)
    {
        for (var i = 0; i < 10 && !t.Screen().Contains(text, StringComparison.Ordinal); i++)
        {
            var before = t.Screen();
            t.Keys("F3");
            t.WaitUntil(s => s != before, "the previous screen");
        }
        t.WaitFor(text);
    }

    private static void Find(TmuxTerminal t, string text)
    {
        t.Keys("/");
        t.WaitFor("Type the text to find and press Enter.");
        t.Keys([.. Enumerable.Repeat("BSpace", 64)]); // the prompt offers the previous search
        t.WaitFor("   []");
        t.Type(text);
        t.Keys("Enter");
        t.WaitUntil(s => !s.Contains("Type the text to find", StringComparison.Ordinal), "the find prompt closed");
    }

    [Fact]
    public void The_standard_path_from_the_screens_on_a_bare_world()
    {
        var pvid = "";
        using var t = new TmuxTerminal("hacmp", 80, 40, prepare: db => pvid = Prepare(db));
        string Run(params string[] args) => Cladmin(t.DatabasePath, args).Stdout;

        t.WaitFor("HACMP for AIX");
        Open(t, "Initialization and Standard");
        t.WaitFor("Configure an HACMP Cluster and Nodes");

        // Add the cluster and its nodes: discovery defines the networks and boot interfaces.
        Open(t, "Configure an HACMP Cluster and Nodes");
        t.WaitFor("Type or select values in entry fields.");
        t.Type("walk_cluster");
        t.Keys("Down");
        t.Type("node1,node2");
        t.Keys("Enter");
        var added = t.WaitFor("Command: OK", 30_000);
        Assert.Contains("Discovering IP Network Connectivity", added, StringComparison.Ordinal);
        var cllsif = Run("cmd", "--", "cllsif", "-c");
        Assert.Contains("node1_boot1:boot:net_ether_01:ether:public:node1:192.0.2.11::en0::255.255.255.0:", cllsif, StringComparison.Ordinal);
        Assert.Contains("node2_boot1:boot:net_ether_01:ether:public:node2:192.0.2.12::en0::255.255.255.0:", cllsif, StringComparison.Ordinal);
        Back(t, "Configure Resources to Make Highly Available");

        // Configure Resources > Configure Service IP Labels/Addresses > Add a Service IP Label/Address.
        Open(t, "Configure Resources to Make Highly Available");
        t.WaitFor("Configure Service IP Labels/Addresses");
        Open(t, "Configure Service IP Labels/Addresses");
        t.WaitFor("Add a Service IP Label/Address");
        Open(t, "Add a Service IP Label/Address");
        t.WaitFor("Type or select values in entry fields.");
        t.Type("app_svc");
        t.Keys("Down");
        t.Type("net_ether_01");
        t.Keys("Enter");
        t.WaitFor("Command: OK", 30_000);
        Back(t, "Configure Volume Groups, Logical Volumes and Filesystems");

        // Configure Volume Groups... > Shared Volume Groups > Create a Shared Volume Group (C-SPOC).
        Open(t, "Configure Volume Groups, Logical Volumes and Filesystems");
        t.WaitFor("Shared Volume Groups");
        Open(t, "Shared Volume Groups");
        t.WaitFor("Create a Shared Volume Group");
        Open(t, "Create a Shared Volume Group");
        t.WaitFor("ONE OR MORE items can be selected.");
        Mark(t, "node1");
        Mark(t, "node2");
        t.Keys("Enter");
        t.WaitFor(pvid);
        Mark(t, pvid);
        t.Keys("Enter");
        t.WaitFor("Volume Group Type");
        t.Keys("Enter");
        t.WaitFor("VOLUME GROUP name");
        t.Keys("Down", "Down", "Down");
        t.Type("walkvg");
        t.Keys("Enter");
        t.WaitFor("Command: OK", 30_000);
        // Discover again (Extended Configuration), so that the new group is offered to resource groups.
        Back(t, "Problem Determination Tools");
        Open(t, "Extended Configuration");
        t.WaitFor("Discover HACMP-related Information from Configured Nodes");
        Open(t, "Discover HACMP-related Information from Configured Nodes");
        var discovered = t.WaitFor("Command: OK", 30_000);
        Assert.Contains("Discovering Volume Group Configuration", discovered, StringComparison.Ordinal);
        Back(t, "Problem Determination Tools");
        Open(t, "Initialization and Standard");
        t.WaitFor("Configure HACMP Resource Groups");

        // Configure HACMP Resource Groups > Add a Resource Group, then its resources (standard).
        Open(t, "Configure HACMP Resource Groups");
        t.WaitFor("Change/Show Resources for a Resource Group (standard)");
        Open(t, "Add a Resource Group");
        t.WaitFor("Resource Group Type");
        t.Keys("Enter");
        t.WaitFor("Resource Group Name");
        t.Keys("Down"); // past the type, shown only
        t.Type("walk_rg");
        t.Keys("Down");
        t.Type("node1 node2");
        t.Keys("Enter");
        t.WaitFor("Command: OK", 30_000);
        Back(t, "Change/Show Resources for a Resource Group (standard)");
        Open(t, "Change/Show Resources for a Resource Group (standard)");
        t.WaitFor("   walk_rg");
        t.Keys("Enter");
        t.WaitFor("Service IP Labels/Addresses");
        t.Keys("Down", "Down", "Down", "Down", "Down");
        t.Type("app_svc");
        t.Keys("Down", "Down");
        t.Type("walkvg");
        t.Keys("Enter");
        t.WaitFor("Command: OK", 30_000);
        Back(t, "Verify and Synchronize HACMP Configuration");

        // Verify and Synchronize HACMP Configuration runs clmgr sync cluster (verify, then synchronize).
        Open(t, "Verify and Synchronize HACMP Configuration");
        t.WaitFor("COMMAND STATUS", 30_000);
        t.WaitFor("Command: OK", 60_000);
        // The whole output is in smit.log; the bundle landed on both nodes and the DCD is now active.
        var status = File.ReadAllText(t.LogPath);
        Assert.Contains("Verification has completed normally.", status, StringComparison.Ordinal);
        Assert.Contains("walk_rg", Run("cmd", "-n", "node2", "--", "cat", "/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm"), StringComparison.Ordinal);
        Assert.Contains("ST_INIT", Run("cmd", "-n", "node1", "--", "lssrc", "-ls", "clstrmgrES"), StringComparison.Ordinal);
        Back(t, "Display HACMP Configuration");

        // Display HACMP Configuration (cltopinfo) and cllsif show it all.
        Open(t, "Display HACMP Configuration");
        var top = t.WaitFor("Command: OK", 30_000);
        Assert.Contains("Cluster Name: walk_cluster", top, StringComparison.Ordinal);
        var topinfo = Run("cmd", "--", "cltopinfo");
        Assert.Contains("There are 2 node(s) and 3 network(s) defined", topinfo, StringComparison.Ordinal);
        Assert.Contains($"NODE node1:\n        Network net_ether_01\n                app_svc     {Service}\n                node1_boot1 192.0.2.11\n", topinfo, StringComparison.Ordinal);
        Assert.Contains("Resource Group walk_rg", topinfo, StringComparison.Ordinal);
        Assert.Contains("Service IP Label                 app_svc", topinfo, StringComparison.Ordinal);
        Assert.Contains($"app_svc:service:net_ether_01:ether:public:node2:{Service}:", Run("cmd", "--", "cllsif", "-c"), StringComparison.Ordinal);
        Assert.Contains("VOLUME_GROUP=\"walkvg\"", Run("cmd", "--", "clmgr", "query", "resource_group", "walk_rg"), StringComparison.Ordinal);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }
}
