using System.Globalization;
using System.Net;
using System.Text;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// Device configuration: chdev (a disk's reserve_policy and PVID, a network interface's address,
/// netmask and state), rmdev, cfgmgr, and the error log (errpt). The simulated nodes have no
/// adapters or PCI slots: cfgmgr configures again the disks rmdev unconfigured, and a LUN grown on
/// the storage side (<c>cladmin sim grow disk</c>) shows its new size at once (lsattr size_in_mb).
/// </summary>
internal static class DeviceCommands
{
    /// <summary>The node file the simulated error log is kept in, one entry a line, oldest first:
    /// IDENTIFIER|MMDDhhmmYY|T|C|RESOURCE|DESCRIPTION.</summary>
    public const string ErrlogPath = "/var/adm/ras/errlog";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["chdev"] = Chdev;
        t["rmdev"] = Rmdev;
        t["cfgmgr"] = Cfgmgr;
        t["errpt"] = Errpt;
    }

    private static string NotFound(string program, string device) =>
        $"{program}: 0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\t{device}";

    private static string Busy(string method) =>
        $"Method error (/usr/lib/methods/{method}):\n\t0514-062 Cannot perform the requested function because the\n\t\tspecified device is busy.";

    private static string Invalid(string attribute) =>
        $"Method error (/usr/lib/methods/chgdisk):\n\t0514-018 The values specified for the following attributes\n\t\tare not valid:\n\t{attribute}";

    private static int Chdev(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "l:a:PU");
        if (g.BadFlag is { } bad || g.Value('l') is not { } dev || g.Values('a').Count == 0)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "chdev -l Name [-a Attribute=Value ...] [-P]");
        }
        var attributes = new List<(string Name, string Value)>();
        foreach (var pair in g.Values('a').SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return ctx.Fail(Invalid(pair));
            }
            attributes.Add((pair[..eq], pair[(eq + 1)..]));
        }
        if (ctx.Node.Interfaces.Find(i => i.Name == dev) is { } nic)
        {
            return ChangeInterface(ctx, nic, attributes);
        }
        var disk = LvmQueries.NodeDisks(ctx.World, ctx.Node).Find(x => x.Name == dev).Disk;
        if (disk is null)
        {
            return ctx.Fail(NotFound("chdev", dev));
        }
        return ChangeDisk(ctx, disk, dev, attributes, g.Has('P'));
    }

    private static int ChangeDisk(CommandContext ctx, SimDisk disk, string dev, List<(string Name, string Value)> attributes, bool deferred)
    {
        var open = disk.VgId is { } id && ctx.Node.FindVgById(id) is { State: not VaryState.Off };
        foreach (var (name, value) in attributes)
        {
            var ok = name switch
            {
                "reserve_policy" => value is "no_reserve" or "single_path" or "PR_exclusive" or "PR_shared",
                "pv" => value is "yes" or "clear",
                _ => false,
            };
            if (!ok)
            {
                return ctx.Fail(Invalid(name));
            }
            if (name == "pv" && value == "clear" && disk.VgId is not null)
            {
                return ctx.Fail(Busy("chgdisk"));
            }
        }
        if (open && !deferred && attributes.Any(a => a.Name == "reserve_policy"))
        {
            // An open disk (its volume group varied on here) takes the change only at the next boot (-P).
            return ctx.Fail(Busy("chgdisk"));
        }
        foreach (var (name, value) in attributes)
        {
            switch (name)
            {
                case "reserve_policy":
                    disk.ReservePolicy = value;
                    break;
                case "pv" when value == "yes":
                    disk.Pvid ??= Lvm.NewPvid(ctx.World, ctx.Node);
                    break;
                case "pv":
                    disk.Pvid = null;
                    break;
            }
        }
        ctx.Line($"{dev} changed");
        return 0;
    }

    private static int ChangeInterface(CommandContext ctx, NetInterface nic, List<(string Name, string Value)> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            var ok = name switch
            {
                "netaddr" or "netmask" => IPAddress.TryParse(value, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3,
                "state" => value is "up" or "down" or "detach",
                "mtu" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 576 and <= 9000,
                _ => false,
            };
            if (!ok)
            {
                return ctx.Fail(Invalid(name).Replace("chgdisk", "chgif", StringComparison.Ordinal));
            }
        }
        foreach (var (name, value) in attributes)
        {
            if (name is "netaddr" or "netmask" && nic.Addresses.Count == 0)
            {
                nic.Addresses.Add(new IpAddress());
            }
            switch (name)
            {
                case "netaddr":
                    nic.Addresses[0].Address = value;
                    break;
                case "netmask":
                    nic.Addresses[0].Netmask = value;
                    break;
                case "state":
                    nic.Up = value == "up";
                    break;
                case "mtu":
                    nic.Mtu = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
            }
        }
        ctx.Line($"{nic.Name} changed");
        return 0;
    }

    /// <summary>rmdev [-d] -l hdiskN: the disk becomes Defined (or, with -d, is deleted) on this node.</summary>
    private static int Rmdev(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "dl:R");
        if (g.BadFlag is { } bad || g.Value('l') is not { } dev)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "rmdev [-d] -l Name");
        }
        var disk = LvmQueries.NodeDisks(ctx.World, ctx.Node).Find(x => x.Name == dev).Disk;
        if (disk is null)
        {
            return ctx.Fail(NotFound("rmdev", dev));
        }
        if (disk.VgId is { } id && ctx.Node.FindVgById(id) is { } nvg)
        {
            // A disk of a volume group this node knows stays: varied on it is open; off, the VG would lose it.
            return ctx.Fail(nvg.State != VaryState.Off ? Busy("ucfgdevice") : $"Method error (/usr/lib/methods/ucfgdevice):\n\t0514-062 Cannot perform the requested function because the\n\t\tspecified device is busy.\n\t{dev} belongs to volume group {nvg.Name}; export the volume group first.");
        }
        if (g.Has('d'))
        {
            disk.Unconfigured[ctx.Node.Name] = "deleted";
            ctx.Line($"{dev} deleted");
        }
        else
        {
            disk.Unconfigured[ctx.Node.Name] = "Defined";
            ctx.Line($"{dev} Defined");
        }
        return 0;
    }

    /// <summary>cfgmgr: configures every disk of this node that rmdev left Defined or deleted. Silent.</summary>
    private static int Cfgmgr(CommandContext ctx)
    {
        foreach (var d in ctx.World.Disks)
        {
            d.Unconfigured.Remove(ctx.Node.Name);
        }
        return 0;
    }

    /// <summary>Appends an entry to the node's error log (errpt shows it first).</summary>
    internal static void LogError(SimWorld world, SimNode node, string identifier, char type, char errorClass, string resource, string description)
    {
        var stamp = world.Clock.ToString("MMddHHmmyy", CultureInfo.InvariantCulture);
        var line = $"{identifier}|{stamp}|{type}|{errorClass}|{resource}|{description}\n";
        if (node.Files.TryGetValue(ErrlogPath, out var file))
        {
            file.Content += line;
            file.Modified = world.Clock;
        }
        else
        {
            FileTree.AddDirectory(node, "/var/adm/ras");
            node.Files[ErrlogPath] = new SimFile { Content = line, Mode = "-rw-r--r--", Modified = world.Clock };
        }
    }

    /// <summary>errpt [-d H|S|O] [-j ID]: the error log, newest first (aix-commands.md §5.7).</summary>
    private static int Errpt(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "d:j:s:a");
        if (g.BadFlag is { } bad || g.Operands.Count > 0)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "errpt [-a] [-d ErrorClassList] [-j ErrorID] [-s StartDate]");
        }
        var entries = (ctx.Node.Files.TryGetValue(ErrlogPath, out var file) ? file.Content : "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('|'))
            .Where(f => f.Length == 6)
            .Where(f => g.Value('d') is not { } classes || classes.Contains(f[3], StringComparison.Ordinal))
            .Where(f => g.Value('j') is not { } ids || ids.Split(',').Contains(f[0], StringComparer.OrdinalIgnoreCase))
            .Reverse()
            .ToList();
        if (entries.Count == 0)
        {
            return 0;
        }
        var sb = new StringBuilder("IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION\n");
        foreach (var f in entries)
        {
            sb.Append(string.Format(CultureInfo.InvariantCulture, "{0,-8}   {1,-10} {2} {3} {4,-14} {5}\n", f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        ctx.Out.Append(sb);
        return 0;
    }
}
