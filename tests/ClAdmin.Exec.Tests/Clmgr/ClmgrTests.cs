using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Shell;
using ClAdmin.Store;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Exec.Tests.Clmgr;

public sealed class ClmgrTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-clmgr-").FullName;
    private readonly ClmgrHandler _clmgr;

    public ClmgrTests() =>
        _clmgr = new ClmgrHandler(() => ObjectRepository.Open(Db), new SnapshotRepository(Path.Combine(_dir, "snapshots")));

    private string Db => Path.Combine(_dir, "cladmin.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private CommandResult Run(string line)
    {
        var words = ShellWords.Split(line);
        return _clmgr.RunAsync(new CommandInvocation(line, "clmgr", words.Skip(1).ToList(), "", "n1"), CancellationToken.None).Result;
    }

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

    /// <summary>A 4-node cluster configured the way the dialogs would (names last, prefixes as the menus use them).</summary>
    private void FourNodeCluster()
    {
        Ok("clmgr add cluster NODES='n1,n2,n3,n4' demo");
        Ok("clmgr modify node COMMPATH='n1.example.com' n1");
        Ok("clmgr add network TYPE='ether' NETMASK='255.255.255.0' net_ether_01");
        Ok("clmgr add network TYPE=diskhb net_diskhb_01");
        foreach (var n in new[] { "n1", "n2", "n3", "n4" })
        {
            Ok($"clmgr add interface NETWORK='net_ether_01' NODE='{n}' INTERFACE='en0' {n}_boot");
        }
        Ok("clmgr add interface NETWORK=net_diskhb_01 NODE=n1 INTERFACE=/dev/hdisk2 n1_hb");
        Ok("clmgr add interface NETWORK=net_diskhb_01 NODE=n2 INTERFACE=/dev/hdisk2 n2_hb");
        Ok("clmgr add service_ip NETWORK='net_ether_01' NETMASK=255.255.255.0 svc1");
        Ok("clmgr add persistent_ip NETWORK=net_ether_01 NODE=n1 n1_pers");
        Ok("clmgr add application_controller STARTSCRIPT='/ha/start.sh' STOPSCRIPT='/ha/stop.sh' app1");
        Ok("clmgr add application_monitor TYPE=Process APPLICATIONS=app1 PROCESSES=db2sysc OWNER=db2inst1 mon1");
        Ok("clmgr add volume_group NODES=n1,n2 PHYSICAL_VOLUMES=hdisk3,hdisk4 TYPE=scalable datavg");
        Ok("clmgr add file_system VOLUME_GROUP=datavg /data");
        Ok("clmgr add resource_group NODES='n1,n2' STARTUP='OHN' FALLOVER='FNPN' FALLBACK='FBHPN' rg1");
        Ok("clmgr add rg rg2 NODES=n3,n4 STARTUP=OAAN FALLOVER=BO FALLBACK=NFB");
        Ok("clmgr modify resource_group SERVICE_LABEL='svc1' APPLICATIONS='app1' VOLUME_GROUP='datavg' FILESYSTEM=/data rg1");
        Ok("clmgr add dependency PARENT=rg1 CHILD=rg2");
        Ok("clmgr add file_collection FILES=/etc/hosts,/etc/services DESCRIPTION='hosts' fc1");
    }

    [Fact]
    public void Round_trip_snapshot_delete_restore_gives_identical_odm()
    {
        FourNodeCluster();
        var before = Odm();
        Assert.Contains("HACMPgroup:", before);
        var snap = Run("clmgr add snapshot snap1 DESCRIPTION='before change'");
        Assert.Equal(0, snap.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir, "snapshots", "snap1.odm")));
        Assert.True(File.Exists(Path.Combine(_dir, "snapshots", "snap1.info")));
        Ok("clmgr delete cluster NODES=ALL");
        Assert.Equal("", Odm());
        Ok("clmgr manage snapshot restore snap1");
        Assert.Equal(before, Odm());
        Assert.Equal("snap1\n", Run("clmgr query snapshot").Stdout);
    }

    [Fact]
    public void Colon_query_of_the_cluster_before_one_is_defined_prints_the_header_alone()
    {
        // The standard path's "Configure an HACMP Cluster and Nodes" discovers with clmgr -c query
        // cluster; on a bare world it must read as empty values, not as unreadable output.
        var r = Run("clmgr -c query cluster");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("#CLUSTER_NAME:CLUSTER_ID:STATE:NODES:SITES:NETWORKS:RESOURCE_GROUPS:RG_SETTLING_TIME:RG_DIST_POLICY\n", r.Stdout);
    }

    [Fact]
    public void Query_resource_group_prints_the_attr_value_layout()
    {
        FourNodeCluster();
        var r = Run("clmgr -a NAME,NODES,STARTUP,FALLOVER,FALLBACK,SERVICE_LABEL query rg rg1");
        Assert.Equal("NAME=\"rg1\"\nNODES=\"n1 n2\"\nSTARTUP=\"OHN\"\nFALLOVER=\"FNPN\"\nFALLBACK=\"FBHPN\"\nSERVICE_LABEL=\"svc1\"\n", r.Stdout);
    }

    [Fact]
    public void Query_without_a_name_lists_names_and_colon_form_has_a_header()
    {
        FourNodeCluster();
        Assert.Equal("n1\nn2\nn3\nn4\n", Run("clmgr query node").Stdout);
        Assert.Equal("#NAME:COMMPATH\nn1:n1.example.com\nn2:n2\nn3:n3\nn4:n4\n", Run("clmgr -c query node").Stdout);
        Assert.Equal("#NAME|TYPE\nnet_ether_01|ether\nnet_diskhb_01|diskhb\n", Run("clmgr -d '|' -a name,type query network").Stdout);
    }

    [Fact]
    public void Aliases_and_case_insensitive_attributes()
    {
        Ok("clmgr add cluster NODES=n1,n2 c1");
        Ok("clmgr mk ac app1 startscript=/a stopscript=/b");
        Assert.Equal("NAME=\"app1\"\nSTARTSCRIPT=\"/a\"\n", Run("clmgr -a name,startscript ls application_server app1").Stdout);
    }

    [Theory]
    [InlineData("clmgr add resource_group rg9 NODES=n1 STARTUP=OAAN FALLOVER=FNPN FALLBACK=NFB", 4, "Bring Offline")]
    [InlineData("clmgr add resource_group rg9 NODES=n1 STARTUP=OUDP FALLOVER=BO FALLBACK=NFB", 4, "cannot be combined")]
    [InlineData("clmgr add resource_group rg9 NODES=n1 STARTUP=XYZ", 4, "\"XYZ\" is not a valid value for \"STARTUP\". Valid values are: OHN, OFAN, OUDP, OAAN")]
    [InlineData("clmgr add resource_group rg9 NODES=n1 COLOUR=blue", 4, "invalid attribute(s) for class \"resource_group\": COLOUR")]
    [InlineData("clmgr add resource_group rg9 NODES=n7", 5, "node \"n7\" does not exist")]
    [InlineData("clmgr modify resource_group nosuch NODES=n1", 2, "ERROR: \"nosuch\" does not appear to exist!")]
    [InlineData("clmgr add widget w1", 4, "\"widget\" is not a valid class")]
    [InlineData("clmgr add application_monitor mon9 TYPE=Process APPLICATIONS=app1 RESTARTCOUNT=many", 4, "It must be a number")]
    public void Bad_input_gives_clmgr_errors_and_changes_nothing(string line, int rc, string message)
    {
        Ok("clmgr add cluster NODES=n1,n2 c1");
        Ok("clmgr add application_controller app1 STARTSCRIPT=/a STOPSCRIPT=/b");
        var before = Odm();
        var r = Run(line);
        Assert.Equal(rc, r.ExitCode);
        Assert.StartsWith("ERROR: ", r.Stderr);
        Assert.Contains(message, r.Stderr);
        Assert.Equal(before, Odm());
    }

    [Fact]
    public void Deleting_a_referenced_object_is_refused()
    {
        FourNodeCluster();
        var r = Run("clmgr delete service_ip svc1");
        Assert.Equal(5, r.ExitCode);
        Assert.Contains("service IP label \"svc1\" does not exist", r.Stderr);
    }

    [Fact]
    public void Restore_of_a_missing_snapshot_is_not_found() =>
        Assert.Equal(2, Run("clmgr manage snapshot restore nosnap").ExitCode);
}
