namespace ClAdmin.Sim.Model;

/// <summary>A node's software vital product data (what lslpp, lppchk and oslevel read): the
/// installed filesets with their states and history, and what installp left pending.</summary>
public sealed class NodeSoftware
{
    /// <summary>oslevel -s: VRMM-TL-SP-YYWW.</summary>
    public string OsLevel { get; set; } = "";

    /// <summary>Installed filesets, by name (lslpp lists them sorted).</summary>
    public List<InstalledFileset> Filesets { get; init; } = [];

    /// <summary>Software was installed that needs the node rebooted (shutdown -Fr) to take effect.</summary>
    public bool RebootPending { get; set; }

    public InstalledFileset? Find(string name) => Filesets.Find(f => f.Name == name);
}

/// <summary>One installed fileset: its level and state (COMMITTED, APPLIED, APPLYING, BROKEN), the
/// committed level an applied update replaced (for reject), and its history (lslpp -h).</summary>
public sealed class InstalledFileset
{
    public string Name { get; set; } = "";

    public string Level { get; set; } = "";

    public string State { get; set; } = "COMMITTED";

    public string Description { get; set; } = "";

    /// <summary>It has a root part (listed under Path: /etc/objrepos too).</summary>
    public bool Root { get; set; }

    /// <summary>The level before an applied update or an interrupted operation; null for none.</summary>
    public string? PreviousLevel { get; set; }

    /// <summary>The state before an interrupted operation (what installp -C puts back).</summary>
    public string? PreviousState { get; set; }

    public List<FilesetEvent> History { get; init; } = [];
}

/// <summary>A row of lslpp -h: level, action (APPLY, COMMIT, REJECT, CLEANUP), status, when.</summary>
public sealed class FilesetEvent
{
    public string Level { get; set; } = "";

    public string Action { get; set; } = "";

    public string Status { get; set; } = "COMPLETE";

    public DateTime When { get; set; }
}
