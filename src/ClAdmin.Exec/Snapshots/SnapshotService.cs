using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Odm;
using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Store;

namespace ClAdmin.Exec.Snapshots;

/// <summary>
/// Cluster snapshots (semantics §11), one implementation for <c>clsnapshot</c> and <c>clmgr ... snapshot</c>:
/// create from the default configuration (DCD), list, change, remove, apply, and restore the DCD
/// from the active configuration. Errors are <see cref="ClmgrException"/>s with clmgr's return codes.
/// </summary>
/// <param name="openRepository">The object repository (DCD and ACD).</param>
/// <param name="snapshots">Where the snapshot files are.</param>
/// <param name="verifyAndSynchronize">Verifies and synchronizes the DCD (<c>clmgr sync cluster</c>); null: apply
/// only replaces the DCD and says to synchronize.</param>
public sealed class SnapshotService(Func<ObjectRepository> openRepository, SnapshotRepository snapshots,
    Func<CancellationToken, Task<CommandResult>>? verifyAndSynchronize = null)
{
    public SnapshotRepository Repository => snapshots;

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>A snapshot name as an operand: required, and a valid name.</summary>
    public static string RequireName(string? name)
    {
        var n = name is { Length: > 0 } given ? given : throw new ClmgrException(ClmgrRc.MissingInput, "a snapshot name is required.");
        ClmgrValues.Check("NAME", n, ClmgrValueKind.Name);
        return n;
    }

    public void MustExist(string name)
    {
        if (!Io(() => snapshots.Exists(name)))
        {
            throw new ClmgrException(ClmgrRc.NotFound, $"\"{QuotedText.Escape(name)}\" does not appear to exist!");
        }
    }

    public IReadOnlyList<SnapshotInfo> List() => Io(snapshots.List);

    /// <summary>Writes NAME.odm and NAME.info from the DCD; returns clsnapshot's lines.</summary>
    public string Create(string name, string description)
    {
        if (Rules.CheckName("snapshot", name) is { } bad)
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, bad.Message);
        }
        if (Io(() => snapshots.Exists(name)))
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{name}\" already exists as a snapshot.");
        }
        if (description.Length > Limits.MaxSnapshotDescription)
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"the snapshot description is longer than {Limits.MaxSnapshotDescription} characters.");
        }
        IReadOnlyList<OdmObject> objects;
        using (var repo = openRepository())
        {
            objects = repo.GetObjects(ConfigDirectory.Default);
        }
        Io(() => snapshots.Create(name, description, objects, Info(ObjectRepository.ToConfiguration(objects))));
        return F(SnapshotText.Creating, snapshots.OdmPath(name)) + F(SnapshotText.Creating, snapshots.InfoPath(name)) + F(SnapshotText.Created, name);
    }

    public string Remove(string name)
    {
        MustExist(name);
        Io(() => snapshots.Remove(name));
        return F(SnapshotText.Removed, name);
    }

    public void Modify(string name, string? newName, string? description)
    {
        MustExist(name);
        if (newName is not null && newName != name)
        {
            if (Rules.CheckName("snapshot", newName) is { } bad)
            {
                throw new ClmgrException(ClmgrRc.IncorrectInput, bad.Message);
            }
            if (Io(() => snapshots.Exists(newName)))
            {
                throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{newName}\" already exists as a snapshot.");
            }
        }
        Io(() => snapshots.Modify(name, newName, description));
    }

    /// <summary>
    /// Apply: the snapshot's configuration is checked (unless <paramref name="force"/>), replaces the
    /// DCD, then is verified and synchronized. When that step fails, the DCD keeps the snapshot and
    /// the result says so (exit code 1).
    /// </summary>
    public async Task<CommandResult> ApplyAsync(string name, bool force, CancellationToken cancellationToken)
    {
        MustExist(name);
        IReadOnlyList<OdmObject> objects;
        ClusterConfiguration config;
        try
        {
            objects = Io(() => snapshots.ReadObjects(name).Objects);
            config = snapshots.Read(name).Configuration;
        }
        catch (InvalidDataException e)
        {
            throw new ClmgrException(ClmgrRc.Error, e.Message);
        }
        // A snapshot saved by an earlier release must be converted first (semantics §11: clconvert_snapshot).
        if (objects.FirstOrDefault(o => o.Class == "HACMPcluster") is { } cluster && cluster["cluster_version"] is not null
            && cluster.GetInt("cluster_version") < OdmMapping.ClusterVersion)
        {
            throw new ClmgrException(ClmgrRc.Error, F(SnapshotText.NotConverted, name, cluster.GetInt("cluster_version"), OdmMapping.ClusterVersion));
        }
        var errors = Rules.Validate(config).Where(v => !v.IsWarning).ToList();
        if (errors.Count > 0 && !force)
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, F(SnapshotText.DoesNotVerify, name, string.Join("; ", errors.Select(e => e.Message))));
        }
        using (var repo = openRepository())
        {
            repo.ReplaceObjects(ConfigDirectory.Default, objects);
        }
        if (verifyAndSynchronize is null)
        {
            return CommandResult.Local(ClmgrRc.Success, F(SnapshotText.NoSync, name));
        }
        var sync = await verifyAndSynchronize(cancellationToken).ConfigureAwait(false);
        var stdout = F(SnapshotText.Applying, name) + sync.Stdout;
        return sync.ExitCode == 0
            ? new CommandResult(0, stdout + F(SnapshotText.Applied, name), sync.Stderr, sync.Nodes)
            : new CommandResult(ClmgrRc.Error, stdout, sync.Stderr + F(SnapshotText.NotSynchronized, name), sync.Nodes);
    }

    private static void Io(Action action) => Io(() =>
    {
        action();
        return 0;
    });

    private static T Io<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (IOException e)
        {
            throw new ClmgrException(ClmgrRc.Error, e.Message);
        }
    }

    /// <summary>The .info file: the cluster state as commands print it, for people, not for restore.</summary>
    private static string Info(ClusterConfiguration c)
    {
        var sb = new StringBuilder();
        sb.Append("<VER\n").Append(SnapshotRepository.Version).Append("\n</VER\n\n<DSC\nCluster state information\n</DSC\n\n");
        sb.Append("==== clmgr query cluster ====\n");
        foreach (var (_, attrs) in ClmgrClasses.Cluster.Query(c))
        {
            foreach (var (k, v) in attrs)
            {
                sb.Append(k).Append("=\"").Append(QuotedText.Escape(v)).Append("\"\n");
            }
        }
        foreach (var g in c.ResourceGroups)
        {
            sb.Append("\n==== clmgr query resource_group ").Append(g.Name).Append(" ====\n");
            foreach (var (k, v) in ClmgrClasses.ResourceGroup.Query(c).First(x => x.Name == g.Name).Attributes)
            {
                sb.Append(k).Append("=\"").Append(QuotedText.Escape(v)).Append("\"\n");
            }
        }
        return sb.ToString();
    }
}
