namespace ClAdmin.Exec.Snapshots;

/// <summary>
/// What clsnapshot prints. The create lines are [RECONSTRUCTED] in powerha-verify-install-outputs.md
/// §3.3 (recollection, the trailing dots unverified), "Succeeded applying" likewise; the other lines
/// are ClAdmin's own. Kept here as data, to be corrected when a real capture is found.
/// </summary>
internal static class SnapshotText
{
    public const string Creating = "clsnapshot: Creating file {0}.\n";

    public const string Created = "clsnapshot: Succeeded creating Cluster Snapshot: {0}\n";

    public const string Removed = "clsnapshot: Succeeded removing Cluster Snapshot: {0}\n";

    public const string Applying = "clsnapshot: Applying Cluster Snapshot: {0}\n" +
        "clsnapshot: The default configuration (DCD) was replaced by the snapshot; verifying and synchronizing it.\n\n";

    public const string Applied = "clsnapshot: Succeeded applying Cluster Snapshot: {0}\n";

    public const string NotSynchronized = "clsnapshot: ERROR: verification and synchronization of snapshot {0} failed: " +
        "the default configuration (DCD) holds the snapshot, but it was not synchronized. " +
        "Correct the errors and synchronize, or restore the DCD from the active configuration (clsnapshot -R).\n";

    public const string NoSync = "Snapshot \"{0}\" was applied to the default configuration (DCD). Synchronize the cluster to make it active.\n";

    /// <summary>ClAdmin's wording: the snapshot's cluster_version is older than the release's.</summary>
    public const string NotConverted = "snapshot {0} was saved by an earlier HACMP release (cluster_version {1}; this release writes {2}): " +
        "convert it first with clconvert_snapshot -v RELEASE -s {0} on the node that holds it, then apply it.";

    public const string DoesNotVerify = "snapshot {0} does not verify: {1} (apply it with force to use it anyway)";

    public const string Usage = "Usage: clsnapshot -c -n Name -d Description [-m Methods] | -a -n Name [-f true|false] | -r -n Name | -l [-n Name] | -R\n";
}
