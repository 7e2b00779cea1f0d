namespace ClAdmin.Cluster.Odm;

/// <summary>One descriptor of an ODM object class: its name, whether it holds an integer (printed
/// bare) or a string (quoted), and the longest value it takes.</summary>
public sealed record OdmDescriptor(string Name, bool IsNumber, int MaxLength);

/// <summary>A class whose objects a cluster can hold only so many of, counted by distinct
/// <paramref name="Key"/> values (a node has several HACMPnode objects, all with its name).</summary>
public sealed record OdmClassLimit(string Key, int Max, string What);

/// <summary>The descriptors of each HACMP class, as odmadd checks a stanza against its class: those
/// ClAdmin writes (<see cref="OdmMapping.ToObjects"/>) plus those of IBM's sample snapshot's
/// HACMPcluster stanza, so that a real snapshot's cluster stanza loads.</summary>
public static class OdmClasses
{
    /// <summary>Longest string value: a name (node, group, label, ...) is <see cref="Limits.MaxNameLength"/>.</summary>
    public const int MaxValueLength = 1024;

    private const string Names = "name group ip_label node monitor group_name group_parent group_child collection";

    private static readonly (string Class, string Strings, string Numbers)[] Table =
    [
        ("HACMPcluster", "name nodename sec_level rg_distribution_policy last_node_ids last_network_ids last_site_ides wlm_subdir",
            // max_event_time, max_rg_processing_time: [UNCONFIRMED] names for the Time Until Warning.
            "id cluster_version settling_time highest_node_id highest_network_id highest_site_id handle reserved1 reserved2 max_event_time max_rg_processing_time"),
        ("HACMPsite", "name nodelist dominance backup", ""),
        ("HACMPnode", "name object value", "node_id node_handle version"),
        ("HACMPnetwork", "name attr netmask nimname hb_offset", "network_id alias"),
        // HACMPnim: [UNCONFIRMED] descriptor names, recalled from HACMP 5.x snapshots (hbrate in microseconds,
        // cycle the missed heartbeats, grace the grace period in seconds); the others are accepted and not kept.
        ("HACMPnim", "name desc path para entry_type next_generic_type next_generic_name", "addrtype grace hbrate cycle gratarp src_routing"),
        ("HACMPadapter", "type network nettype attr ip_label function identifier haddr node netmask interfacename", ""),
        ("HACMPserver", "name start stop startup_mode monitors", ""),
        ("HACMPmonitor", "monitor name value", ""),
        ("CLvolgrp", "name nodes pvs type concurrent", "pp_size major_number"),
        ("CLfilesys", "mount_point volume_group type units log", "size"),
        ("HACMPtimer", "name repeats", "year month day_of_month day_of_week hour minute"),
        ("HACMPgroup", "group nodes startup_pref fallover_pref fallback_pref fallback_timer node_priority_policy site_policy", "id"),
        ("HACMPresource", "group name value", "id"),
        ("HACMPrgdependency", "group_parent group_child type", "id"),
        ("HACMPrg_loc_dependency", "group_name loc_dep_type priority", "id"),
        ("HACMPfilecollection", "name description sync_with_cluster sync_with_changes", ""),
        ("HACMPfcfile", "collection file", ""),
        // HACMPevent: descriptor names [UNCONFIRMED: recalled from HACMP snapshots (name, desc, cmd, notify,
        // pre, post, recv, count), not found in the references; the setno/msgno/catalog/event_duration
        // descriptors of a real stanza are not kept].
        ("HACMPevent", "name desc cmd notify pre post recv", "count"),
        // HACMPcustom: [UNCONFIRMED] descriptor names (name, description, value: the script).
        ("HACMPcustom", "name description value", ""),
    ];

    /// <summary>Each class's descriptors by name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, OdmDescriptor>> Descriptors { get; } = Table.ToDictionary(
        t => t.Class,
        t => (IReadOnlyDictionary<string, OdmDescriptor>)Words(t.Strings).Select(n => new OdmDescriptor(n, false, Words(Names).Contains(n) ? Limits.MaxNameLength : MaxValueLength))
            .Concat(Words(t.Numbers).Select(n => new OdmDescriptor(n, true, 20)))
            .ToDictionary(d => d.Name, StringComparer.Ordinal),
        StringComparer.Ordinal);

    /// <summary>The classes whose objects count against a cluster limit (<see cref="Limits"/>).</summary>
    public static IReadOnlyDictionary<string, OdmClassLimit> Counted { get; } = new Dictionary<string, OdmClassLimit>(StringComparer.Ordinal)
    {
        ["HACMPnode"] = new("name", Limits.MaxNodes, "nodes"),
        ["HACMPnetwork"] = new("name", Limits.MaxNetworks, "networks"),
        ["HACMPgroup"] = new("group", Limits.MaxResourceGroups, "resource groups"),
    };

    private static string[] Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
