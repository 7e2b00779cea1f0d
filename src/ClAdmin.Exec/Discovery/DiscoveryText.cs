namespace ClAdmin.Exec.Discovery;

/// <summary>
/// What discovery prints. HACMP's console text for discovery is [RECONSTRUCTED] in
/// powerha-verify-install-outputs.md §4 (recollection only), so it is kept here as data, in one
/// place, to be corrected when a real capture is found. The clvg_config path is [VERBATIM-derived].
/// </summary>
internal static class DiscoveryText
{
    public const string ConfigFile = "/usr/es/sbin/cluster/etc/config/clvg_config";

    public const string IpStart = "Discovering IP Network Connectivity\n\n";

    public const string IpCount = "Discovered [{0}] interfaces\n";

    public const string IpDone = "IP Network Discovery completed normally\n\n";

    public const string VgStart = "Discovering Volume Group Configuration\n\n" +
        "clharvest_vg: Initializing....\n" +
        "Gathering cluster information, which may take a few minutes...\n" +
        "clharvest_vg: Processing...\n" +
        "Storing the following information in file\n" + ConfigFile + "\n\n";

    /// <summary>One disk of a node in clvg_config: label then value, the labels padded to 16 columns.</summary>
    public const string DiskField = "        {0,-16}{1}\n";

    public const string Done = "Discovery completed normally\n";

    public const string Unreachable = "clrsh_discover: unable to reach node {0}; its previous discovery data was kept.\n";

    public const string NodeFailed = "clrsh_discover: discovery failed on node {0} ({1}); its previous discovery data was kept.\n";

    public const string DoneWithErrors = "Discovery completed with errors on {0}\n";

    /// <summary>The standard path defining the IP topology from discovery (clmgr add cluster / add node).
    /// No capture of HACMP's wording is known: ClAdmin's own.</summary>
    public const string TopologyStart = "\nConfiguring the discovered IP networks and interfaces\n";

    public const string NetworkAdded = "Adding network {0} (ether, netmask {1})\n";

    public const string InterfaceAdded = "Adding boot interface {0} (node {1}, {2}, {3}) to network {4}\n";

    public const string Unlabelled = "WARNING: interface {1} of node {0} ({2}) has no label in /etc/hosts on {0}; it was not added. Add its label there and discover again.\n";

    public const string NoNodes = "clrsh_discover: no cluster nodes are defined; add the nodes first (clmgr add node), then discover.\n";
}
