using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Faults;

/// <summary>
/// Fault injection and repair (`cladmin sim fail|repair KIND TARGET`). Every fault is recorded in
/// <see cref="SimWorld.Faults"/> and applied to the objects it affects. Results are values: an
/// unknown target is a message, not an exception.
/// Kinds and targets: node NODE; interface NODE:enN; network NETWORK; disk LUN|NODE:hdiskN;
/// app NODE:APP (kills the application's process); hang NODE (the node hangs: its cluster manager
/// stops answering and its heartbeats stop, until the deadman switch halts it, semantics §7.7);
/// install NODE (the next installp apply on the node is interrupted, leaving its first fileset for
/// installp -C).
/// </summary>
public static class SimFaults
{
    public static readonly IReadOnlyList<string> Kinds = ["node", "interface", "network", "disk", "app", "hang", "install"];

    public static FaultResult Fail(SimWorld world, string kind, string target)
    {
        ArgumentNullException.ThrowIfNull(world);
        switch (kind)
        {
            case "node":
                if (world.FindNode(target) is not { } node)
                {
                    return FaultResult.Error($"no node {target}");
                }
                node.Up = false;
                // A crash ends everything the node ran: mounts, varyons, processes, subsystems.
                node.Mounts.RemoveAll(m => m.Device.StartsWith("/dev/", StringComparison.Ordinal) && !IsRootvg(world, node, m.Device));
                foreach (var vg in node.VolumeGroups.Where(v => v.Name != "rootvg"))
                {
                    vg.State = VaryState.Off;
                    vg.ConcurrentMode = false;
                    if (world.FindVg(vg.VgId) is { } desc && desc.ReservedBy == node.Name)
                    {
                        desc.ReservedBy = null;
                    }
                }
                node.Processes.Clear();
                // IP aliases (service labels) do not survive the crash: the interfaces come back with their boot address,
                // which the reboot configures from the ODM also where IPAT via replacement had swapped it out.
                foreach (var crashed in node.Interfaces.Where(n => n.Addresses.Count > 1))
                {
                    crashed.Addresses.RemoveRange(1, crashed.Addresses.Count - 1);
                }
                foreach (var replaced in node.Interfaces.Where(n => n.OdmAddress is not null && n.Addresses.Count > 0))
                {
                    replaced.Addresses[0].Address = replaced.OdmAddress!.Address;
                    replaced.Addresses[0].Netmask = replaced.OdmAddress.Netmask;
                    replaced.OdmAddress = null;
                }
                return Record(world, kind, node.Name);
            case "interface":
                if (FindNic(world, target) is not { } nic)
                {
                    return FaultResult.Error($"no interface {target} (use NODE:enN)");
                }
                nic.Up = false;
                return Record(world, kind, target);
            case "network":
                if (world.Networks.Find(n => n.Name == target) is not { } net)
                {
                    return FaultResult.Error($"no network {target}");
                }
                net.Failed = true;
                return Record(world, kind, target);
            case "disk":
                if (FindDisk(world, target) is not { } disk)
                {
                    return FaultResult.Error($"no disk {target} (use a LUN id or NODE:hdiskN)");
                }
                disk.Failed = true;
                return Record(world, kind, disk.Id);
            case "app":
                var (nodeName, app) = Split(target);
                if (world.FindNode(nodeName) is not { } host || app.Length == 0)
                {
                    return FaultResult.Error($"no application target {target} (use NODE:APP)");
                }
                var killed = host.Processes.RemoveAll(p => p.Command == app || p.Command == app + "d");
                return killed == 0 ? FaultResult.Error($"{app} is not running on {nodeName}") : Record(world, kind, target);
            case "hang":
                return world.FindNode(target) is not { Up: true } hung ? FaultResult.Error($"no running node {target}") : Record(world, kind, hung.Name);
            case "install":
                return world.FindNode(target) is { } installing ? Record(world, kind, installing.Name) : FaultResult.Error($"no node {target}");
            default:
                return FaultResult.Error($"unknown fault kind {kind} (one of {string.Join(", ", Kinds)})");
        }
    }

    public static FaultResult Repair(SimWorld world, string kind, string target)
    {
        ArgumentNullException.ThrowIfNull(world);
        switch (kind)
        {
            case "node" when world.FindNode(target) is { } node:
                node.Up = true;
                break;
            case "interface" when FindNic(world, target) is { } nic:
                nic.Up = true;
                break;
            case "network" when world.Networks.Find(n => n.Name == target) is { } net:
                net.Failed = false;
                break;
            case "disk" when FindDisk(world, target) is { } disk:
                disk.Failed = false;
                target = disk.Id;
                break;
            case "install" when world.FindNode(target) is not null:
                break;
            case "app":
                // A dead process is repaired by restarting the application (its start script).
                break;
            case "hang" when world.Faults.Any(f => f.Kind == kind && f.Target == target):
                break;
            default:
                return FaultResult.Error($"nothing to repair: {kind} {target}");
        }
        world.Faults.RemoveAll(f => f.Kind == kind && f.Target == target);
        return FaultResult.Done($"{kind} {target} repaired");
    }

    /// <summary>Advances the simulated clock (`sim clock advance 10m`).</summary>
    public static void AdvanceClock(SimWorld world, TimeSpan by)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "the clock only moves forward");
        }
        world.Clock += by;
    }

    /// <summary>Parses 90s, 10m, 2h, 1d, or hh:mm:ss.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var ts) && text.Contains(':', StringComparison.Ordinal))
        {
            return ts;
        }
        if (text.Length < 2 || !int.TryParse(text[..^1], out var n) || n < 0)
        {
            return null;
        }
        try
        {
            return text[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // longer than a TimeSpan holds (about 29,000 years)
        }
    }

    private static FaultResult Record(SimWorld world, string kind, string target, bool persistent = true)
    {
        if (persistent && !world.Faults.Any(f => f.Kind == kind && f.Target == target))
        {
            world.Faults.Add(new SimFault { Kind = kind, Target = target, Since = world.Clock });
        }
        return FaultResult.Done($"{kind} {target} failed");
    }

    private static bool IsRootvg(SimWorld world, SimNode node, string device) =>
        node.FindVgByName("rootvg") is { } r && world.FindVg(r.VgId)?.FindLv(device[5..]) is not null;

    private static (string Node, string Part) Split(string target)
    {
        var i = target.IndexOf(':', StringComparison.Ordinal);
        return i < 0 ? (target, "") : (target[..i], target[(i + 1)..]);
    }

    private static NetInterface? FindNic(SimWorld world, string target)
    {
        var (node, nic) = Split(target);
        return world.FindNode(node)?.Interfaces.Find(i => i.Name == nic);
    }

    private static SimDisk? FindDisk(SimWorld world, string target)
    {
        var (node, hdisk) = Split(target);
        return hdisk.Length == 0 ? world.FindDisk(target) : world.Disks.Find(d => d.NameOn(node) == hdisk);
    }
}

/// <summary>Outcome of a fault or repair request: ok with a message, or an error message.</summary>
public sealed record FaultResult(bool Ok, string Message)
{
    public static FaultResult Done(string message) => new(true, message);

    public static FaultResult Error(string message) => new(false, message);
}
