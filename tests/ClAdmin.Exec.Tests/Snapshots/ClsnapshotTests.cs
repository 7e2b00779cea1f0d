using ClAdmin.Cluster.Odm;
using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.Snapshots;
using ClAdmin.Shell;
using ClAdmin.Store;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Exec.Tests.Snapshots;

/// <summary>clsnapshot and clmgr's snapshot class over one SnapshotService: apply replaces the DCD with
/// the snapshot's objects, then runs the injected verify-and-synchronize step (clmgr sync cluster in
/// the runtime), and reports its failure with the DCD holding the snapshot.</summary>
public sealed class ClsnapshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-clsnap-").FullName;
    private readonly List<string> _syncs = [];
    private CommandResult _syncResult = CommandResult.Local(0, "Verification has completed normally.\n");
    private readonly ClmgrHandler _clmgr;
    private readonly ClsnapshotHandler _clsnapshot;

    public ClsnapshotTests()
    {
        var snapshots = new SnapshotRepository(Path.Combine(_dir, "snapshots"));
        Task<CommandResult> Sync(CancellationToken ct)
        {
            _syncs.Add(Odm());
            return Task.FromResult(_syncResult);
        }
        _clmgr = new ClmgrHandler(Open, snapshots) { VerifyAndSynchronize = Sync };
        _clsnapshot = new ClsnapshotHandler(new SnapshotService(Open, snapshots, Sync));
        Ok("clmgr add cluster NODES=n1,n2 c1");
        Ok("clmgr add resource_group NODES=n1,n2 rg1");
    }

    private ObjectRepository Open() => ObjectRepository.Open(Path.Combine(_dir, "cladmin.db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private CommandResult Run(string line)
    {
        var words = ShellWords.Split(line);
        ICommandHandler handler = words[0] == "clmgr" ? _clmgr : _clsnapshot;
        return handler.RunAsync(new CommandInvocation(line, words[0], words.Skip(1).ToList(), "", "n1"), CancellationToken.None).Result;
    }

    private void Ok(string line)
    {
        var r = Run(line);
        Assert.True(r.ExitCode == 0, $"{line}\n{r.Stdout}{r.Stderr}");
    }

    private string Odm()
    {
        using var repo = Open();
        return OdmStanza.Format(repo.GetObjects(ConfigDirectory.Default));
    }

    [Fact]
    public void Apply_replaces_the_dcd_with_the_snapshot_then_verifies_and_synchronizes_it()
    {
        var snapshot = Odm();
        Ok("clsnapshot -c -n snap1 -d 'one group'");
        Ok("clmgr add resource_group NODES=n2,n1 rg2");
        Assert.NotEqual(snapshot, Odm());

        var r = Run("clsnapshot -a -n snap1 -f false");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(snapshot, Odm());
        Assert.Equal([snapshot], _syncs); // the step ran once, on the DCD holding the snapshot
        Assert.Equal("clsnapshot: Applying Cluster Snapshot: snap1\n" +
            "clsnapshot: The default configuration (DCD) was replaced by the snapshot; verifying and synchronizing it.\n\n" +
            "Verification has completed normally.\n" +
            "clsnapshot: Succeeded applying Cluster Snapshot: snap1\n", r.Stdout);
    }

    [Fact]
    public void A_failed_synchronization_fails_the_apply_and_says_the_dcd_holds_the_snapshot()
    {
        var snapshot = Odm();
        Ok("clmgr add snapshot snap1 DESCRIPTION=before");
        Ok("clmgr delete resource_group rg1");
        _syncResult = CommandResult.Local(1, "", "ERROR: node n2 cannot be reached.\n");

        var r = Run("clmgr manage snapshot restore snap1");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(snapshot, Odm());
        Assert.Single(_syncs);
        Assert.Equal("ERROR: node n2 cannot be reached.\n" +
            "clsnapshot: ERROR: verification and synchronization of snapshot snap1 failed: the default configuration (DCD) holds the snapshot, " +
            "but it was not synchronized. Correct the errors and synchronize, or restore the DCD from the active configuration (clsnapshot -R).\n", r.Stderr);
    }

    [Fact]
    public void List_shows_and_remove_deletes_both_files()
    {
        Ok("clsnapshot -c -n b -d second");
        Ok("clsnapshot -c -n a -d first");

        Assert.Equal("a\nb\n", Run("clsnapshot -l").Stdout);
        Assert.Equal($"a\n        Description: first\n        Files: {Path.Combine(_dir, "snapshots", "a.odm")} {Path.Combine(_dir, "snapshots", "a.info")}\n",
            Run("clsnapshot -l -n a").Stdout);
        Assert.Equal("clsnapshot: Succeeded removing Cluster Snapshot: a\n", Run("clsnapshot -r -n a").Stdout);
        Assert.Equal(["b.info", "b.odm"], Directory.GetFiles(Path.Combine(_dir, "snapshots")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(_syncs);
    }

    [Fact]
    public void Usage_errors_name_the_flags()
    {
        Assert.Equal(2, Run("clsnapshot -c -r -n x").ExitCode);
        Assert.Equal(2, Run("clsnapshot -a").ExitCode);
        Assert.Contains("unknown option -z", Run("clsnapshot -z").Stderr, StringComparison.Ordinal);
    }
}
