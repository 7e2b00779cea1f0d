namespace ClAdmin.Sim.Model;

/// <summary>A node's network interface: base (boot) address plus aliases added at run time.</summary>
public sealed class NetInterface
{
    public string Name { get; set; } = "";

    /// <summary>Network this interface is cabled to (IpNetwork.Name).</summary>
    public string Network { get; set; } = "";

    /// <summary>MAC in AIX dot notation without leading zeros (2a.d8.5f.87.26.15).</summary>
    public string Mac { get; set; } = "";

    public int Mtu { get; set; } = 1500;

    /// <summary>Administrative and link state; false after ifconfig down or an injected fault.</summary>
    public bool Up { get; set; } = true;

    /// <summary>Addresses in the order they were configured; the first is the boot address.</summary>
    public List<IpAddress> Addresses { get; init; } = [];

    public long Ipkts { get; set; }

    public long Opkts { get; set; }

    /// <summary>The boot address the ODM holds for the interface (CuAt netaddr/netmask) while <c>ifconfig enX inet
    /// ADDRESS</c> has put another address in its place (IPAT via replacement); null when the first address is the
    /// ODM's. A reboot configures the interface from the ODM again.</summary>
    public IpAddress? OdmAddress { get; set; }
}

/// <summary>An IPv4 address with its netmask, both dotted.</summary>
public sealed class IpAddress
{
    public string Address { get; set; } = "";

    public string Netmask { get; set; } = "255.255.255.0";
}

/// <summary>An IP network (ether) joining one interface or more of each node.</summary>
public sealed class IpNetwork
{
    public string Name { get; set; } = "";

    public string Type { get; set; } = "ether";

    /// <summary>Subnets of the boot addresses on this network ("192.0.2.0/24").</summary>
    public List<string> Subnets { get; init; } = [];

    /// <summary>Injected fault: the whole network (switch) is down.</summary>
    public bool Failed { get; set; }
}

/// <summary>A point-to-point non-IP heartbeat path between two nodes (rs232 or diskhb).</summary>
public sealed class NonIpLink
{
    public string Name { get; set; } = "";

    /// <summary>rs232 or diskhb.</summary>
    public string Type { get; set; } = "diskhb";

    public List<string> Nodes { get; init; } = [];

    /// <summary>For diskhb: the SimDisk id; for rs232: the tty device (tty0).</summary>
    public string Device { get; set; } = "";

    public bool Failed { get; set; }
}

/// <summary>An injected fault as `sim status` shows it and `sim repair` names it.</summary>
public sealed class SimFault
{
    /// <summary>node, interface, network, disk, app, link.</summary>
    public string Kind { get; set; } = "";

    /// <summary>What failed: "node2", "node1:en0", "net_ether_01", "lun01", "node1:app1".</summary>
    public string Target { get; set; } = "";

    public DateTime Since { get; set; }
}
