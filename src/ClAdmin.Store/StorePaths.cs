namespace ClAdmin.Store;

/// <summary>Where the database lives when no --db is given: $CLADMIN_DB, else
/// $XDG_STATE_HOME/cladmin/cladmin.db, else ~/.local/state/cladmin/cladmin.db.</summary>
public static class StorePaths
{
    public static string DefaultDatabase(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment("CLADMIN_DB") is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }
        var state = environment("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "cladmin", "cladmin.db");
    }

    /// <summary>HACMP's snapshot directory on a cluster node.</summary>
    public const string HacmpSnapshotDirectory = "/usr/es/sbin/cluster/snapshots";

    /// <summary>Snapshot directory on the node cladmin runs from: $SNAPSHOTPATH (as HACMP honours it),
    /// else <see cref="HacmpSnapshotDirectory"/>.</summary>
    public static string SnapshotDirectory(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return environment("SNAPSHOTPATH") is { Length: > 0 } p ? p : HacmpSnapshotDirectory;
    }
}
