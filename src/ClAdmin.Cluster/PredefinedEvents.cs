namespace ClAdmin.Cluster;

/// <summary>
/// The predefined cluster events, by the names the simulated cluster manager runs them under (semantics
/// §4.2), with their descriptions and event commands as HACMPevent holds them. The descriptions are
/// [RECONSTRUCTED] (the wording of a real HACMPevent desc field is unconfirmed): data, easy to correct.
/// </summary>
public static class PredefinedEvents
{
    /// <summary>Where HACMP 5.x keeps the event scripts.</summary>
    public const string EventDirectory = "/usr/es/sbin/cluster/events/";

    /// <summary>Each event's name and description, in the order SMIT lists them.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        ("acquire_service_addr", "Script run to configure a service address on a node."),
        ("config_too_long", "Script run when an event has been running longer than the Time Until Warning."),
        ("event_error", "Script run when an event script fails."),
        ("external_resource_state_change", "Script run when a resource's state is changed by an administrator or a monitor."),
        ("fail_interface", "Script run when a network interface fails and no other interface can take over."),
        ("get_disk_vg_fs", "Script run to acquire disks, volume groups and file systems."),
        ("join_interface", "Script run when a network interface becomes available."),
        ("network_down", "Script run when a network has failed."),
        ("network_down_complete", "Script run after the network_down script has successfully completed."),
        ("network_up", "Script run when a network has become active."),
        ("network_up_complete", "Script run after the network_up script has successfully completed."),
        ("node_down", "Script run when a node is leaving the cluster."),
        ("node_down_complete", "Script run after the node_down script has successfully completed."),
        ("node_up", "Script run when a node is attempting to join the cluster."),
        ("node_up_complete", "Script run after the node_up script has successfully completed."),
        ("release_service_addr", "Script run to remove a service address from a node."),
        ("release_vg_fs", "Script run to release volume groups and file systems."),
        ("resource_state_change", "Script run when resource groups change state on a node."),
        ("rg_move", "Script run to move a resource group to another node."),
        ("rg_move_acquire", "Script run to acquire a resource group on a node."),
        ("rg_move_complete", "Script run after a resource group move has completed."),
        ("rg_move_fence", "Script run to fence a resource group's disks during a move."),
        ("rg_move_release", "Script run to release a resource group from a node."),
        ("server_down", "Script run when an application monitor finds its application down."),
        ("server_down_complete", "Script run after the server_down script has completed."),
        ("server_restart", "Script run when an application monitor restarts its application."),
        ("server_restart_complete", "Script run after the server_restart script has completed."),
        ("start_server", "Script run to start application servers."),
        ("stop_server", "Script run to stop application servers."),
        ("swap_adapter", "Script run to swap IP addresses between two network interfaces."),
        ("swap_adapter_complete", "Script run after the swap_adapter script has successfully completed."),
    ];

    public static bool IsPredefined(string name) => All.Any(e => e.Name == name);

    /// <summary>The event command of <paramref name="name"/> (HACMPevent cmd).</summary>
    public static string Command(string name) => EventDirectory + name;

    public static string Description(string name) => All.FirstOrDefault(e => e.Name == name).Description ?? "";
}
