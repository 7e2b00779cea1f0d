using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Transport;
using ClAdmin.Shell;
using ClAdmin.Store;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Exec.Tests.Clmgr;

/// <summary>
/// clmgr's values (issue 13 item 7): each attribute accepts only what it can hold (names, IP labels,
/// addresses, absolute script paths without shell metacharacters, numbers) and query escapes
/// whatever is stored, so that no value can forge a line or an attribute. Through the real
/// dispatcher and clmgr handler over a real SQLite file.
/// </summary>
public sealed class ClmgrValueTests : IDisposable
{
    private const string PathRule =
        "It must be an absolute path without blanks, control characters or any of ; | & $ ` ' \" < > ( ) \\ * ? [ ] { } ~ ! #.";

    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-clmgr-values-").FullName;
    private readonly Dispatcher _dispatcher;

    public ClmgrValueTests()
    {
        var clmgr = new ClmgrHandler(() => ObjectRepository.Open(Db), new SnapshotRepository(Path.Combine(_dir, "snapshots")));
        _dispatcher = new Dispatcher([clmgr], new FanOutEngine(new LocalTransport(new ScriptedProcessRunner(), "n1")), new DispatcherOptions { LocalNode = "n1" });
    }

    private string Db => Path.Combine(_dir, "cladmin.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private CommandResult Run(string line) => _dispatcher.RunAsync(new CommandRequest(line), CancellationToken.None).Result;

    private void Ok(string line)
    {
        var r = Run(line);
        Assert.True(r.ExitCode == 0, $"{line}\n{r.Stderr}");
    }

    private string Odm()
    {
        using var repo = ObjectRepository.Open(Db);
        return ClAdmin.Cluster.Odm.OdmStanza.Format(repo.GetObjects(ConfigDirectory.Default));
    }

    private void Configure()
    {
        Ok("clmgr add cluster NODES=n1,n2 c1");
        Ok("clmgr add network net_ether_01 TYPE=ether NETMASK=255.255.255.0");
        Ok("clmgr add interface n1_boot NETWORK=net_ether_01 NODE=n1 INTERFACE=en0 ADDRESS=192.168.1.1");
        Ok("clmgr add service_ip svc1 NETWORK=net_ether_01 ADDRESS=10.1.1.10");
        Ok("clmgr add application_controller app1 STARTSCRIPT=/ha/start.sh STOPSCRIPT=/ha/stop.sh");
        Ok("clmgr add resource_group rg1 NODES=n1,n2");
    }

    /// <summary>Stores a configuration as odmadd or an old database could hold it, past clmgr's checks.</summary>
    private void Store(Func<ClusterConfiguration, ClusterConfiguration> change)
    {
        using var repo = ObjectRepository.Open(Db);
        repo.Update(ConfigDirectory.Default, c => ((ClusterConfiguration?)change(c), 0));
    }

    /// <summary>One error line, no control character but its newline.</summary>
    private static void OneLine(string stderr)
    {
        Assert.EndsWith("\n", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stderr[..^1]);
        Assert.DoesNotContain(stderr[..^1], char.IsControl);
    }

    [Fact]
    public void A_newline_in_a_script_path_cannot_forge_a_query_line()
    {
        Configure();
        var before = Odm();
        var r = Run("clmgr add application_controller app2 STARTSCRIPT=$'/s\\nSTOPSCRIPT=/evil' STOPSCRIPT=/b");
        Assert.Equal(4, r.ExitCode);
        Assert.Equal($"ERROR: \"/s\\nSTOPSCRIPT=/evil\" is not a valid value for \"STARTSCRIPT\". {PathRule}\n", r.Stderr);
        Assert.Equal(before, Odm());
        Assert.Equal("app1\n", Run("clmgr query application_controller").Stdout);
    }

    public static TheoryData<string, string, string, string> BadValues() => new()
    {
        // Script paths: every class of shell metacharacter, blanks, control characters, relative paths.
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/ha/start app", "/ha/start app" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/ha/start\tapp", "/ha/start\\tapp" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s\r", "/s\\r" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s\u001b[2J", "/s\\x1b[2J" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s\0x", "/s\\x00x" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s;reboot", "/s;reboot" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s|tee", "/s|tee" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s&", "/s&" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s$(id)", "/s$(id)" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s${HOME}", "/s${HOME}" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s`id`", "/s`id`" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s'x'", "/s'x'" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s\"x\"", "/s\\\"x\\\"" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s>/etc/passwd", "/s>/etc/passwd" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s</dev/zero", "/s</dev/zero" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s(x)", "/s(x)" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s{a,b}", "/s{a,b}" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s[ab]", "/s[ab]" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s\\x", "/s\\\\x" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s*", "/s*" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s?", "/s?" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s~", "/s~" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s!", "/s!" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "/s#x", "/s#x" },
        { "clmgr add ac app2 STOPSCRIPT=/b", "STARTSCRIPT", "start.sh", "start.sh" },
        { "clmgr add ac app2 STARTSCRIPT=/a", "STOPSCRIPT", "/s;x", "/s;x" },
        { "clmgr modify ac app1", "STARTSCRIPT", "/s\nSTOPSCRIPT=/evil", "/s\\nSTOPSCRIPT=/evil" },
        { "clmgr add am mon2 TYPE=Custom APPLICATIONS=app1 MONITORINTERVAL=60", "MONITORMETHOD", "/m $(id)", "/m $(id)" },
        { "clmgr add am mon2 TYPE=Custom APPLICATIONS=app1 MONITORINTERVAL=60 MONITORMETHOD=/m", "NOTIFYMETHOD", "/n|x", "/n|x" },
        { "clmgr add am mon2 TYPE=Custom APPLICATIONS=app1 MONITORINTERVAL=60 MONITORMETHOD=/m", "CLEANUPMETHOD", "/c&x", "/c&x" },
        { "clmgr add am mon2 TYPE=Custom APPLICATIONS=app1 MONITORINTERVAL=60 MONITORMETHOD=/m", "RESTARTMETHOD", "/r`x`", "/r`x`" },
        // Names, labels, addresses and the other attributes.
        { "clmgr modify node n1", "COMMPATH", "n1;id", "n1;id" },
        { "clmgr add service_ip svc9 NETWORK=net_ether_01", "ADDRESS", "10.1.1.300", "10.1.1.300" },
        { "clmgr add service_ip svc9 NETWORK=net_ether_01", "ADDRESS", "10.1.1.9;id", "10.1.1.9;id" },
        { "clmgr add service_ip svc9 NETWORK=net_ether_01", "HWADDR", "4002$(id)", "4002$(id)" },
        { "clmgr add network net9 TYPE=ether", "NETMASK", "255.255.255.0\n", "255.255.255.0\\n" },
        { "clmgr add network net9 TYPE=ether", "HB_OFFSET", "192.168.1.x", "192.168.1.x" },
        { "clmgr add persistent_ip n1_pers NETWORK=net_ether_01", "NODE", "n1\nforged", "n1\\nforged" },
        { "clmgr add interface n2_boot NODE=n2 INTERFACE=en0", "NETWORK", "net'x", "net'x" },
        { "clmgr add interface n2_boot NETWORK=net_ether_01 NODE=n2", "INTERFACE", "en0;id", "en0;id" },
        { "clmgr add resource_group rg9", "NODES", "n1,n2;id", "n1,n2;id" },
        { "clmgr modify resource_group rg1", "SERVICE_LABEL", "svc1\u001b]0;x\a", "svc1\\x1b]0;x\\x07" },
        { "clmgr modify resource_group rg1", "SERVICE_LABEL", "svc1\n", "svc1\\n" },
        { "clmgr modify resource_group rg1", "FILESYSTEM", "/data;rm", "/data;rm" },
        { "clmgr add am mon9 TYPE=Process APPLICATIONS=app1 OWNER=root", "PROCESSES", "db2sysc;id", "db2sysc;id" },
        { "clmgr add am mon9 TYPE=Process APPLICATIONS=app1 PROCESSES=db2sysc", "OWNER", "root`id`", "root`id`" },
        { "clmgr add file_collection fc9 FILES=/etc/hosts", "DESCRIPTION", "hosts\nNAME=\"x\"", "hosts\\nNAME=\\\"x\\\"" },
        { "clmgr add file_collection fc9", "FILES", "/etc/hosts;/bin/sh", "/etc/hosts;/bin/sh" },
        { "clmgr add snapshot snap9", "DESCRIPTION", "x\n</DSC", "x\\n</DSC" },
        // The object name, given positionally or renamed with NAME=.
        { "clmgr modify ac app1", "NAME", "app;1", "app;1" },
        { "clmgr add node", "NAME", "n9$(id)", "n9$(id)" },
        { "clmgr add node", "NAME", "n9\n", "n9\\n" },
        { "clmgr add service_ip NETWORK=net_ether_01", "NAME", "svc\n9", "svc\\n9" },
        { "clmgr add file_system VOLUME_GROUP=datavg", "NAME", "/data x", "/data x" },
        { "clmgr modify snapshot snap1", "NAME", "../../victim", "../../victim" },
        // Keywords and numbers show the value escaped too.
        { "clmgr add ac app2 STARTSCRIPT=/a STOPSCRIPT=/b", "STARTUP_MODE", "x\ny", "x\\ny" },
        { "clmgr add am mon9 TYPE=Process APPLICATIONS=app1 PROCESSES=db2sysc OWNER=root", "INSTANCECOUNT", "1\n2", "1\\n2" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_refused_naming_the_attribute_and_changes_nothing(string command, string attr, string value, string shown)
    {
        Configure();
        Ok("clmgr add snapshot snap1");
        var before = Odm();
        var line = attr == "NAME" && !command.StartsWith("clmgr modify", StringComparison.Ordinal)
            ? $"{command} {ShellWords.Quote(value)}"
            : $"{command} {attr}={ShellWords.Quote(value)}";
        var r = Run(line);
        Assert.True(r.ExitCode == 4, $"{line}\nexit {r.ExitCode}\n{r.Stderr}");
        Assert.StartsWith($"ERROR: \"{shown}\" is not a valid value for \"{attr}\". ", r.Stderr, StringComparison.Ordinal);
        OneLine(r.Stderr);
        Assert.Equal(before, Odm());
        Assert.Equal("snap1\n", Run("clmgr query snapshot").Stdout);
    }

    [Fact]
    public void Valid_values_of_every_kind_are_accepted()
    {
        Configure();
        Ok("clmgr modify node n1 COMMPATH=n1.example.com");
        Ok("clmgr modify node n2 COMMPATH=fe80::1");
        Ok("clmgr add network net_v6 TYPE=ether NETMASK=64 HB_OFFSET=192.168.100.1");
        Ok("clmgr add service_ip svc6 NETWORK=net_v6 ADDRESS=2001:db8::10 NETMASK=64");
        Ok("clmgr add network net_rep TYPE=ether IPALIASING=no");
        Ok("clmgr add service_ip svc_rep NETWORK=net_rep HWADDR=4002ac1f0001");
        Ok("clmgr add network net_diskhb_01 TYPE=diskhb");
        Ok("clmgr add interface n1_hb NETWORK=net_diskhb_01 NODE=n1 INTERFACE=/dev/hdisk2");
        Ok("clmgr add am mon1 TYPE=Custom APPLICATIONS=app1 MONITORMETHOD=/usr/local/ha/mon-app1.sh MONITORINTERVAL=60 NOTIFYMETHOD=/ha/notify_1.ksh");
        Ok("clmgr add am mon2 TYPE=Process APPLICATIONS=app1 PROCESSES='db2sysc db2acd' OWNER=db2inst1");
        Ok("clmgr add volume_group datavg NODES=n1,n2 PHYSICAL_VOLUMES=hdisk3");
        Ok("clmgr add file_system VOLUME_GROUP=datavg /data/app_1");
        Ok("clmgr modify resource_group rg1 SERVICE_LABEL=svc1 APPLICATIONS=app1 VOLUME_GROUP=datavg FILESYSTEM=ALL MISC_DATA='c:d'");
        Ok("clmgr add file_collection fc1 FILES=/etc/hosts,/etc/services DESCRIPTION='Hosts, services: \"the usual\"'");
        Ok("clmgr add snapshot snap1 DESCRIPTION='before the change (v2)'");
    }

    [Fact]
    public void A_stored_hostile_value_prints_escaped_on_its_own_line()
    {
        Configure();
        Store(c => c with
        {
            ApplicationControllers =
            [
                new ApplicationController("app1", "/s\nSTOPSCRIPT=\"/evil\"", "/b:c\\x\"\u001b[2J\r"),
                new ApplicationController("app\nforged", "/a", "/b"),
            ],
        });
        Assert.Equal(
            "NAME=\"app1\"\n" +
            "STARTSCRIPT=\"/s\\nSTOPSCRIPT=\\\"/evil\\\"\"\n" +
            "STOPSCRIPT=\"/b:c\\\\x\\\"\\x1b[2J\\r\"\n" +
            "STARTUP_MODE=\"background\"\n" +
            "MONITORS=\"\"\n",
            Run("clmgr query application_controller app1").Stdout);
        Assert.Equal(
            "#NAME:STARTSCRIPT:STOPSCRIPT:STARTUP_MODE:MONITORS\n" +
            "app1:/s\\nSTOPSCRIPT=\"/evil\":/b#!:c\\\\x\"\\x1b[2J\\r:background:\n",
            Run("clmgr -c query application_controller app1").Stdout);
        Assert.Equal("app1\napp\\nforged\n", Run("clmgr query application_controller").Stdout);
        Assert.Equal("#NAME|STOPSCRIPT\napp1|/b:c\\\\x\"\\x1b[2J\\r\napp\\nforged|/b\n", Run("clmgr -d '|' -a NAME,STOPSCRIPT query ac").Stdout);
    }

    [Fact]
    public void A_custom_delimiter_inside_a_value_is_escaped_like_the_colon()
    {
        Configure();
        Store(c => c with { ApplicationControllers = [new ApplicationController("app1", "/a|b", "/b")] });
        Assert.Equal("#NAME|STARTSCRIPT\napp1|/a#!|b\n", Run("clmgr -d '|' -a NAME,STARTSCRIPT query ac").Stdout);
    }

    [Fact]
    public void A_snapshot_name_cannot_reach_outside_the_snapshot_directory()
    {
        Configure();
        var victim = Path.Combine(_dir, "victim.odm");
        File.WriteAllText(victim, "keep\n");
        var r = Run("clmgr delete snapshot ../victim");
        Assert.Equal(4, r.ExitCode);
        Assert.StartsWith("ERROR: \"../victim\" is not a valid value for \"NAME\". ", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("keep\n", File.ReadAllText(victim));
    }

    [Fact]
    public void Every_settable_attribute_has_a_kind_of_value()
    {
        foreach (var cls in ClmgrClasses.All)
        {
            foreach (var attr in cls.Settable)
            {
                Assert.True(ClmgrValues.Kinds.ContainsKey(attr), $"{cls.Name}: {attr} has no kind of value in ClmgrValues.Kinds");
            }
        }
    }
}
