using System.Globalization;

namespace ClAdmin.Cluster.Verification;

/// <summary>One message of verification: its key (the check's rule id, or a rule id and a suffix),
/// the evidence behind its wording (powerha-verify-install-outputs.md §1.4: VERBATIM, DOC or
/// RECONSTRUCTED; "ClAdmin" where no text was found and ClAdmin wrote its own) and its text
/// (composite format: {0}, {1}... as the check passes them).</summary>
public sealed record MessageText(string Key, string Confidence, string Text);

/// <summary>
/// Every message text verification prints, as data: most real HACMP texts were not found
/// (outputs reference §1.4), so each row says how sure it is and can be corrected here alone.
/// </summary>
public static class VerifyMessages
{
    public static IReadOnlyList<MessageText> All { get; } =
    [
        new("R-VER-REACH", "ClAdmin", "Node {0} could not be reached: no information was collected from it."),
        new("R-VER-HOSTS-1", "RECONSTRUCTED", "IP label {1} is not in /etc/hosts on node {0}."),
        new("R-VER-HOSTS-2", "ClAdmin", "IP label {1} has address {2} in /etc/hosts on node {0}, but {3} is expected."),
        new("R-VER-COMM-PATH", "ClAdmin", "The communication path {1} of node {2} is not in /etc/hosts on node {0}."),
        new("R-VER-NET-MEMBERS", "ClAdmin", "Network {0} has interfaces on node {1} only; a network must connect at least two nodes to take over its service labels."),
        new("R-VER-SVC-ACTIVE", "ClAdmin", "Service IP label {1} ({2}) is already configured on an interface of node {0}; it should be acquired only when its resource group comes online."),
        new("R-IPAT-5", "ClAdmin", "Persistent IP label {1} ({2}) of node {0} is on the subnet of boot interface {3}, but network {4} uses IP aliasing."),
        new("R-MON-SCRIPT", "ClAdmin", "The {2} method {1} of application monitor {3} {4} on node {0}."),
        new("R-EVT-SCRIPT", "ClAdmin", "The {2} command {1} of cluster event {3} {4} on node {0}."),
        new("R-VER-IF-1", "ClAdmin", "Interface {1} ({2}) of network {3} is not configured on any interface of node {0}."),
        new("R-VER-NETMASK-1", "ClAdmin", "The netmask of interface {1} ({2}) on node {0} is {3}, but the other interfaces on its subnet of network {4} use {5}."),
        new("R-IPAT-1", "ClAdmin", "Network {1} uses IP aliasing, but the boot interfaces {2} and {3} of node {0} are on the same subnet."),
        new("R-IPAT-2", "ClAdmin", "Network {1} uses IP aliasing, but service IP label {0} ({2}) is on the subnet of boot interface {3}."),
        new("R-IPAT-3", "ClAdmin", "Network {1} uses IP replacement: node {0} has {2} boot interface(s) for {3} service IP label(s)."),
        new("R-IPAT-4", "RECONSTRUCTED", "Multiple communication interfaces are recommended for networks that use IP aliasing in order to prevent the communication interface from becoming a single point of failure. There are fewer than the recommended number of communication interfaces defined on node {0} for network {1}."),
        new("R-VG-IMPORT", "ClAdmin", "Volume group {1} of resource group {2} is not imported on node {0}."),
        new("R-VG-MAJOR", "ClAdmin", "Volume group {1} has major number {2} on node {0}, but {3} is expected."),
        new("R-VG-PVID", "ClAdmin", "The physical volumes of volume group {1} on node {0} have PVIDs {2}, but on node {3} they have PVIDs {4}."),
        new("R-VG-PVID-DISK", "ClAdmin", "Volume group {1} is not imported on node {0}, and its physical volume with PVID {2} is not available there."),
        new("R-VER-SERVICES", "ClAdmin", "Cluster services are active on node {0} ({1}): the cluster name cannot be changed from {2} to {3} while they run. Stop cluster services on all nodes first."),
        new("R-VER-SERVICES-NODE", "ClAdmin", "Cluster services are active on node {0} ({1}): the node cannot be removed from the cluster while they run. Stop cluster services on node {0} first."),
        new("R-VG-AUTO", "ClAdmin", "Volume group {1} is set to vary on automatically at system restart on node {0}; a shared volume group must not be."),
        new("R-VER-FS", "ClAdmin", "File system {1} of resource group {2} is not defined on node {0}."),
        new("R-VER-FS-AUTO", "ClAdmin", "File system {1} is set to mount automatically at system restart on node {0}; a shared file system must not be."),
        new("R-VG-ECM", "ClAdmin", "Volume group {1} is not enhanced concurrent capable on node {0}; {2} needs it."),
        new("R-APP-SCRIPT", "ClAdmin", "The {2} script {1} of application server {3} does not exist on node {0}."),
        new("R-APP-EXEC", "ClAdmin", "The {2} script {1} of application server {3} is not executable on node {0}."),
        new("R-MON-2", "RECONSTRUCTED", "Application monitors are required for detecting application failures in order for HACMP to recover from them. Application server {0} of resource group {1} does not have an application monitor configured."),
        new("R-HB-NONIP", "ClAdmin", "There is no non-IP network between nodes {0} and {1}: a failure of the IP networks would partition the cluster."),
        new("R-LEVEL-1", "ClAdmin", "The HACMP fileset cluster.es.server.rte is not installed on node {0}."),
        new("R-LEVEL-2", "ClAdmin", "Node {0} has cluster.es.server.rte at level {1}, but node {2} has {3}: all nodes must be at the same level."),
    ];

    private static readonly Dictionary<string, string> ByKey = All.ToDictionary(m => m.Key, m => m.Text, StringComparer.Ordinal);

    /// <summary>The message <paramref name="key"/> with its arguments filled in.</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, ByKey[key], args);
}
