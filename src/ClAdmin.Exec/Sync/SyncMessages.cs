using System.Globalization;
using ClAdmin.Cluster.Verification;

namespace ClAdmin.Exec.Sync;

/// <summary>
/// Every text synchronization and the restore from the active configuration print, as data, each
/// with the evidence behind its wording (powerha-verify-install-outputs.md §1.2, §1.3, §2: VERBATIM,
/// DOC, RECONSTRUCTED; "ClAdmin" where no text was found and ClAdmin wrote its own), so that a
/// wording can be corrected here alone.
/// </summary>
public static class SyncMessages
{
    public static IReadOnlyList<MessageText> All { get; } =
    [
        new("COMMIT", "VERBATIM", "Committing any changes, as required, to all available nodes..."),
        new("NODE-DONE", "RECONSTRUCTED", "Adding any necessary HACMP for AIX entries to /etc/inittab and /etc/rc.net for IP Address Takeover on node {0}."),
        new("DONE", "RECONSTRUCTED", "Verification has completed normally."),
        new("FAILED", "VERBATIM", "cldare: Error detected during synchronization."),
        new("VERIFY-BLOCKS", "ClAdmin", "Synchronization was not performed because verification found errors. Correct them and synchronize again, or force the synchronization."),
        new("VERIFY-FORCED", "ClAdmin", "Verification found errors; the synchronization is forced, as requested."),
        new("MIXED-VERSION", "ClAdmin", "The cluster is being migrated: its nodes run different HACMP levels ({0}). Verification, synchronization and dynamic reconfiguration are not possible until every node runs the new level. Finish the migration on every node, or back out the changes with \"Restore HACMP Configuration Database from Active Configuration\" (clsnapshot -R)."),
        new("NO-NODES", "ClAdmin", "no cluster nodes are defined; add the cluster and its nodes first."),
        new("NO-VERIFY", "ClAdmin", "verification cannot reach the cluster nodes from here."),
        new("STAGE-FAILED", "ClAdmin", "The configuration could not be copied to node {0}: {1}"),
        new("STAGE-REMOVED", "ClAdmin", "The configuration was copied to node {0}; it was not made active there, and the copy was removed."),
        new("STAGE-LEFT", "ClAdmin", "The copy of the configuration on node {0} could not be removed ({1}); it is not active: remove {2} there."),
        new("NOTHING-ACTIVE", "ClAdmin", "Nothing was made active on any node."),
        new("COMMIT-FAILED", "ClAdmin", "The configuration could not be made active on node {0}: {1}"),
        new("UNDONE", "ClAdmin", "The previous configuration is active again on node {0}."),
        new("UNDO-FAILED", "ClAdmin", "The previous configuration could not be made active again on node {0} ({1}): restore it from {2}."),
        new("REPOSITORY-FAILED", "ClAdmin", "The active configuration could not be saved: {0}"),
        new("BAD-DIRECTORY", "ClAdmin", "the synchronization directory \"{0}\" (CLADMIN_SYNC_DIR) must not hold control characters or quotes."),
        new("BUNDLE-DESCRIPTION", "ClAdmin", "Active configuration of cluster {0}, synchronized from node {1} on {2}"),
        new("ACTIVE-SNAPSHOT", "DOC", "active.{0}"),
        new("ACTIVE-DESCRIPTION", "ClAdmin", "Active configuration before the synchronization of {0}"),
        new("UNSYNC-SNAPSHOT", "ClAdmin", "Unsync.{0}"),
        new("UNSYNC-DESCRIPTION", "ClAdmin", "Configuration database before it was restored from the active configuration on {0}"),
        new("SNAPSHOT-CREATING", "RECONSTRUCTED", "clsnapshot: Creating file {0}."),
        new("SNAPSHOT-CREATED", "RECONSTRUCTED", "clsnapshot: Succeeded creating Cluster Snapshot: {0}"),
        new("RESTORED", "ClAdmin", "The HACMP configuration database (DCD) was restored from the active configuration (ACD) on node {0}; the changes that were not synchronized are kept in snapshot {1}."),
        new("NO-ACTIVE", "ClAdmin", "There is no active configuration to restore from: the cluster has never been synchronized."),
        new("DARE-START", "RECONSTRUCTED", "Verifying additional pre-requisites for Dynamic Reconfiguration..."),
        new("DARE-CHECKED", "RECONSTRUCTED", "...completed."),
        new("DARE-LOCKED", "RECONSTRUCTED", "A previous dynamic reconfiguration did not complete: its staging configuration (SCD) is still on node(s) {0}, and the presence of an SCD on any cluster node prevents dynamic reconfiguration. Correct what made it fail, then run Problem Determination Tools > Release Locks Set By Dynamic Reconfiguration (clrelease_locks) and synchronize again."),
        new("DARE-FAILED", "ClAdmin", "The dynamic reconfiguration failed in {0}. Its lock, the staging configuration {1}, is left on the cluster nodes: see /tmp/hacmp.out, recover from the script failure (clruncmd), then release the locks set by dynamic reconfiguration (clrelease_locks) and synchronize again."),
        new("DARE-LOCK-LEFT", "ClAdmin", "The lock of the dynamic reconfiguration could not be removed on node {0} ({1}); release it with clrelease_locks."),
        new("LOCK-RELEASED", "ClAdmin", "clrelease_locks: released the lock set by dynamic reconfiguration on node {0}."),
        new("NO-LOCK", "ClAdmin", "clrelease_locks: no lock set by dynamic reconfiguration on node {0}."),
        new("LOCK-UNREACHED", "ClAdmin", "clrelease_locks: the lock on node {0} could not be checked or removed: {1}"),
        new("DCD-CHANGED", "ClAdmin", "The configuration database changed while it was being saved (another cladmin is changing it); nothing was restored. Try again."),
    ];

    /// <summary>The text of <paramref name="key"/> with its arguments.</summary>
    /// <exception cref="KeyNotFoundException">no such message.</exception>
    public static string Text(string key, params object?[] args)
    {
        var message = All.FirstOrDefault(m => m.Key == key) ?? throw new KeyNotFoundException($"no sync message {key}");
        return string.Format(CultureInfo.InvariantCulture, message.Text, args);
    }
}
