using System.Globalization;
using System.Net;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>ifconfig, netstat -in and hostname (aix-commands.md §4).</summary>
internal static class NetCommands
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["ifconfig"] = Ifconfig;
        t["netstat"] = Netstat;
        t["hostname"] = Hostname;
    }

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    internal static uint ToUInt(string dotted)
    {
        var b = IPAddress.Parse(dotted).GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    internal static string ToDotted(uint v) => $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}";

    /// <summary>Network column of netstat -in: the network address without trailing zero octets.</summary>
    internal static string NetworkColumn(IpAddress a)
    {
        var net = ToUInt(a.Address) & ToUInt(a.Netmask);
        var parts = ToDotted(net).Split('.').ToList();
        while (parts.Count > 1 && parts[^1] == "0")
        {
            parts.RemoveAt(parts.Count - 1);
        }
        return string.Join('.', parts);
    }

    private static string Flags(bool up) => up
        ? "1e084863,480<UP,BROADCAST,NOTRAILERS,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,CHECKSUM_OFFLOAD(ACTIVE),CHAIN>"
        : "1e084822,480<BROADCAST,NOTRAILERS,SIMPLEX,MULTICAST,GROUPRT,64BIT,CHECKSUM_OFFLOAD(ACTIVE),CHAIN>";

    private static void Show(CommandContext ctx, NetInterface nic)
    {
        ctx.Line($"{nic.Name}: flags={Flags(nic.Up && Reachability.InterfaceWorks(ctx.World, nic))}");
        foreach (var a in nic.Addresses)
        {
            var mask = ToUInt(a.Netmask);
            var bcast = ToDotted((ToUInt(a.Address) & mask) | ~mask);
            ctx.Line($"\tinet {a.Address} netmask 0x{mask:x8} broadcast {bcast}");
        }
        ctx.Line("\t tcp_sendspace 262144 tcp_recvspace 262144 rfc1323 1");
    }

    private static void ShowLoopback(CommandContext ctx)
    {
        ctx.Line("lo0: flags=e08084b,c0<UP,BROADCAST,LOOPBACK,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,LARGESEND,CHAIN>");
        ctx.Line("\tinet 127.0.0.1 netmask 0xff000000 broadcast 127.255.255.255");
        ctx.Line("\tinet6 ::1%1/0");
        ctx.Line("\t tcp_sendspace 131072 tcp_recvspace 131072 rfc1323 1");
    }

    private static int Ifconfig(CommandContext ctx)
    {
        var args = ctx.Args;
        if (args.Count == 0)
        {
            return ctx.Fail("usage: ifconfig -a [ -d ] [ -u ] [ af ]\n       ifconfig interface [address_family] [address [dest_address]] [parameters]");
        }
        if (args[0] == "-a")
        {
            foreach (var nic in ctx.Node.Interfaces)
            {
                Show(ctx, nic);
            }
            ShowLoopback(ctx);
            return 0;
        }
        if (args[0] == "lo0")
        {
            ShowLoopback(ctx);
            return 0;
        }
        var iface = ctx.Node.Interfaces.Find(i => i.Name == args[0]);
        if (iface is null)
        {
            return ctx.Fail($"ifconfig: no such interface {args[0]}");
        }
        if (args.Count == 1)
        {
            Show(ctx, iface);
            return 0;
        }
        var rest = args.Skip(1).Where(a => a != "inet").ToList();
        switch (rest[0])
        {
            case "up":
                iface.Up = true;
                return 0;
            case "down":
                iface.Up = false;
                return 0;
            case "alias" when rest.Count >= 2:
                if (!IPAddress.TryParse(rest[1], out _))
                {
                    return ctx.Fail($"ifconfig: {rest[1]}: bad value");
                }
                var netmask = "255.255.255.0";
                var m = rest.IndexOf("netmask");
                if (m >= 0 && m + 1 < rest.Count)
                {
                    netmask = rest[m + 1].StartsWith("0x", StringComparison.Ordinal)
                        ? ToDotted(uint.Parse(rest[m + 1][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
                        : rest[m + 1];
                }
                if (iface.Addresses.All(a => a.Address != rest[1]))
                {
                    iface.Addresses.Add(new IpAddress { Address = rest[1], Netmask = netmask });
                }
                return 0;
            case var address when IPAddress.TryParse(address, out _):
                // ifconfig enX [inet] ADDRESS [netmask MASK] [up]: replaces the interface's (boot) address.
                var mask = "255.255.255.0";
                var at = rest.IndexOf("netmask");
                if (at >= 0 && at + 1 < rest.Count)
                {
                    mask = rest[at + 1].StartsWith("0x", StringComparison.Ordinal)
                        ? ToDotted(uint.Parse(rest[at + 1][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
                        : rest[at + 1];
                }
                if (iface.Addresses.Count == 0)
                {
                    iface.Addresses.Add(new IpAddress());
                }
                // ifconfig changes the running address only; the ODM keeps the boot address for the next boot.
                iface.OdmAddress ??= new IpAddress { Address = iface.Addresses[0].Address, Netmask = iface.Addresses[0].Netmask };
                if (iface.OdmAddress.Address == address || iface.OdmAddress.Address.Length == 0)
                {
                    iface.OdmAddress = null;
                }
                iface.Addresses[0].Address = address;
                iface.Addresses[0].Netmask = mask;
                iface.Up = iface.Up || rest.Contains("up");
                return 0;
            case "delete" when rest.Count >= 2:
                var addr = iface.Addresses.Find(a => a.Address == rest[1]);
                if (addr is null)
                {
                    return ctx.Fail("ifconfig: ioctl (SIOCDIFADDR): Can't assign requested address");
                }
                iface.Addresses.Remove(addr);
                return 0;
            default:
                return ctx.Fail($"ifconfig: {rest[0]}: bad value");
        }
    }

    private static int Netstat(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "inrI:");
        if (!g.Has('i') && !g.Has('r'))
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "netstat -in | -rn");
        }
        if (g.Has('r'))
        {
            ctx.Line("Routing tables");
            ctx.Line("Destination        Gateway           Flags   Refs     Use  If   Exp  Groups");
            foreach (var nic in ctx.Node.Interfaces.Where(n => n.Up))
            {
                foreach (var a in nic.Addresses.Take(1))
                {
                    ctx.Line(F("{0,-18} {1,-17} {2,-5} {3,6} {4,8} {5,-4} {6,4}", NetworkColumn(a), a.Address, "UHSb", 0, 0, nic.Name, "-"));
                }
            }
            return 0;
        }
        ctx.Line("Name  Mtu   Network     Address            Ipkts Ierrs    Opkts Oerrs  Coll");
        var index = 2;
        foreach (var nic in ctx.Node.Interfaces)
        {
            var name = nic.Up ? nic.Name : nic.Name + "*";
            ctx.Line(F("{0,-5} {1,-5} {2,-11} {3,-16} {4,8} {5,5} {6,8} {7,5} {8,5}", name, nic.Mtu, $"link#{index++}", nic.Mac, nic.Ipkts, 0, nic.Opkts, 0, 0));
            foreach (var a in nic.Addresses)
            {
                ctx.Line(F("{0,-5} {1,-5} {2,-11} {3,-16} {4,8} {5,5} {6,8} {7,5} {8,5}", name, nic.Mtu, NetworkColumn(a), a.Address, nic.Ipkts, 0, nic.Opkts, 0, 0));
            }
        }
        ctx.Line(F("{0,-5} {1,-5} {2,-11} {3,-16} {4,8} {5,5} {6,8} {7,5} {8,5}", "lo0", 16896, "link#1", "", 2421883, 0, 2421883, 0, 0));
        ctx.Line(F("{0,-5} {1,-5} {2,-11} {3,-16} {4,8} {5,5} {6,8} {7,5} {8,5}", "lo0", 16896, "127", "127.0.0.1", 2421883, 0, 2421883, 0, 0));
        return 0;
    }

    private static int Hostname(CommandContext ctx)
    {
        if (ctx.Args.Count == 0)
        {
            ctx.Line(ctx.Node.Hostname);
            return 0;
        }
        ctx.Node.Hostname = ctx.Args[0];
        return 0;
    }
}
