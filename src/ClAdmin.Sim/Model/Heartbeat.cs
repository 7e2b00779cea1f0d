namespace ClAdmin.Sim.Model;

/// <summary>
/// One node's adapter on one topology services heartbeat ring (semantics §7.4): what
/// <c>lssrc -ls topsvcs</c> prints for it, with its missed heartbeat counter. The rings are made
/// from the active configuration by the cluster manager (a ring per network and per boot interface
/// rank, a non-IP network being one ring of its two devices); the counter grows while this adapter
/// hears no heartbeat from a member it expects, and stops when the fault is repaired.
/// </summary>
public sealed class HeartbeatPath
{
    /// <summary>The ring's name, the HACMP network and the interface rank (<c>net_ether_01_0</c>).</summary>
    public string Ring { get; set; } = "";

    /// <summary>The HACMP network's type (ether, diskhb, rs232, ...): its network module.</summary>
    public string Type { get; set; } = "";

    /// <summary>The network module's heartbeat interval in seconds (the configuration's rate, §7.5).</summary>
    public double Interval { get; set; } = 1;

    /// <summary>The network module's failure cycle: missed heartbeats before the adapter is declared down.</summary>
    public int Sensitivity { get; set; } = 10;

    public string Node { get; set; } = "";

    /// <summary>The local adapter: the interface (en0), the raw disk (rhdisk3) or the tty (tty0).</summary>
    public string Adapter { get; set; } = "";

    /// <summary>The adapter's address: the boot IP address, or for a disk the LUN it is (lun03).</summary>
    public string Address { get; set; } = "";

    /// <summary>Heartbeats missed in the outages already over.</summary>
    public long Missed { get; set; }

    /// <summary>True while this adapter misses heartbeats it expects (an outage in progress, since <see cref="Since"/>).</summary>
    public bool Silent { get; set; }

    public DateTime Since { get; set; }
}
