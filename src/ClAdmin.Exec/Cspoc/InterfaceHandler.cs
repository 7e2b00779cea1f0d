using System.Globalization;
using System.Net;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// C-SPOC's Communication Interface Management (powerha-menus.md §2.1, cl_commif_mgmt), each on one node:
/// <c>cl_chinet -l Interface -a netaddr=A [-a netmask=M] [-a state=up|down|detach]</c> (chdev on the
/// interface, as smit chinet), <c>cl_swap_IP_address -s ServiceLabel -i InterfaceLabel</c> (the service
/// address moves, as an alias, to the interface holding the other label's address) and
/// <c>cl_pcihotplug Interface</c> (the interface unconfigured for its adapter's replacement, then
/// configured again with its address). Labels are read from the node's /etc/hosts; when the second
/// step fails, the first is undone.
/// </summary>
public sealed class InterfaceHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    public override IReadOnlyCollection<string> Names { get; } = ["cl_chinet", "cl_swap_IP_address", "cl_pcihotplug"];

    internal override Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var (flags, usage) = invocation.Name switch
        {
            "cl_chinet" => ("l:a:", "-l Interface -a netaddr=Address [-a netmask=Mask] [-a state=up|down|detach]"),
            "cl_swap_IP_address" => ("s:i:", "-s ServiceIPLabel -i CommunicationInterfaceLabel"),
            _ => ("", "Interface"),
        };
        var g = Getopt.Parse(invocation.Arguments, flags);
        var ok = g.BadFlag is null && invocation.Name switch
        {
            "cl_chinet" => g.Value('l') is not null && g.Values('a').Count > 0 && g.Operands.Count == 0,
            "cl_swap_IP_address" => g.Value('s') is not null && g.Value('i') is not null && g.Operands.Count == 0,
            _ => g.Operands.Count == 1,
        };
        if (!ok)
        {
            return Task.FromResult<CommandResult?>(CspocRun.Usage($"Usage: {invocation.Name} -cspoc \"-n Node\" {usage}"));
        }
        if (run.Targets.Count != 1)
        {
            return Task.FromResult<CommandResult?>(CspocRun.Usage(
                $"{invocation.Name}: name one node (-cspoc \"-n Node\"): an interface and its addresses belong to one node."));
        }
        var node = run.Targets[0];
        return invocation.Name switch
        {
            "cl_chinet" => ChinetAsync(run, node, g),
            "cl_swap_IP_address" => SwapAsync(run, node, g.Value('s')!, g.Value('i')!),
            _ => PciHotplugAsync(run, node, g.Operands[0]),
        };
    }

    private static async Task<CommandResult?> ChinetAsync(CspocRun run, string node, Getopt g)
    {
        // One chdev with every attribute: AIX checks them all before it changes any.
        await run.RunAsync([node], _ => ["chdev", "-l", g.Value('l')!, .. g.Values('a').SelectMany(a => new[] { "-a", a })]).ConfigureAwait(false);
        return null;
    }

    private static async Task<CommandResult?> SwapAsync(CspocRun run, string node, string service, string target)
    {
        var hosts = await ReadAsync(run, node, ["cat", "/etc/hosts"]).ConfigureAwait(false);
        var interfaces = hosts is null ? null : await ReadAsync(run, node, ["ifconfig", "-a"]).ConfigureAwait(false);
        if (hosts is null || interfaces is null)
        {
            return null;
        }
        var blocks = Interfaces(interfaces);
        string? Holder(string address) => blocks.FirstOrDefault(b => b.Value.Exists(a => a.Address == address)).Key;
        string Shown(string label, string address) => label == address ? address : $"{address} ({label})";
        var serviceAddress = Resolve(hosts, service);
        var targetAddress = Resolve(hosts, target);
        if (serviceAddress is null || targetAddress is null)
        {
            run.Fail(node, $"{run.Name}: {(serviceAddress is null ? service : target)} is not in /etc/hosts on {node}.");
            return null;
        }
        var from = Holder(serviceAddress);
        var to = Holder(targetAddress);
        if (from is null || to is null)
        {
            run.Fail(node, from is null
                ? $"{run.Name}: {Shown(service, serviceAddress)} is not configured on any interface of {node}."
                : $"{run.Name}: {Shown(target, targetAddress)} is not configured on any interface of {node}.");
            return null;
        }
        if (from == to)
        {
            run.Fail(node, $"{run.Name}: {Shown(service, serviceAddress)} is already on {to}, with {Shown(target, targetAddress)}.");
            return null;
        }
        var netmask = blocks[from].Find(a => a.Address == serviceAddress)!.Netmask;
        if (!(await run.RunAsync([node], _ => ["ifconfig", from, "delete", serviceAddress]).ConfigureAwait(false)).AllOk)
        {
            return null;
        }
        if (!(await run.RunAsync([node], _ => ["ifconfig", to, "alias", serviceAddress, "netmask", netmask]).ConfigureAwait(false)).AllOk)
        {
            await run.UndoAsync(node, ["ifconfig", from, "alias", serviceAddress, "netmask", netmask]).ConfigureAwait(false);
            return null;
        }
        run.Note(node, $"{run.Name}: {Shown(service, serviceAddress)} moved from {from} to {to}.");
        return null;
    }

    private static async Task<CommandResult?> PciHotplugAsync(CspocRun run, string node, string name)
    {
        var interfaces = await ReadAsync(run, node, ["ifconfig", "-a"]).ConfigureAwait(false);
        if (interfaces is null)
        {
            return null;
        }
        if (!Interfaces(interfaces).TryGetValue(name, out var addresses) || addresses.Count == 0)
        {
            run.Fail(node, $"{run.Name}: {name} is not a configured network interface of {node}.");
            return null;
        }
        if (addresses.Count > 1)
        {
            run.Fail(node, $"{run.Name}: {name} holds {string.Join(", ", addresses.Skip(1).Select(a => a.Address))}; move it to another interface first (Swap IP Addresses between Communication Interfaces).");
            return null;
        }
        var boot = addresses[0];
        if (!(await run.RunAsync([node], _ => ["ifconfig", name, "down", "detach"]).ConfigureAwait(false)).AllOk)
        {
            return null;
        }
        run.Note(node, $"{run.Name}: {name} ({boot.Address}) unconfigured for the replacement of its adapter.");
        run.Note(node, $"{run.Name}: no PCI slot was powered off: the simulated nodes have none (on AIX: drslot -R -c pci).");
        if (!(await run.RunAsync([node], _ => ["chdev", "-l", name, "-a", $"netaddr={boot.Address}", "-a", $"netmask={boot.Netmask}", "-a", "state=up"]).ConfigureAwait(false)).AllOk)
        {
            await run.UndoAsync(node, ["ifconfig", name, boot.Address, "netmask", boot.Netmask, "up"]).ConfigureAwait(false);
        }
        return null;
    }

    /// <summary>A read-only command's output on the node, or null with the node failed.</summary>
    private static async Task<string?> ReadAsync(CspocRun run, string node, IReadOnlyList<string> argv)
    {
        var r = (await run.QueryAsync([node], argv).ConfigureAwait(false))[node];
        if (r.Outcome == NodeOutcome.Failed)
        {
            run.Fail(node, r.Stderr.TrimEnd(), r.ExitCode);
        }
        return r.Outcome == NodeOutcome.Ok ? r.Stdout : null;
    }

    /// <summary>An address, or the address of a label in /etc/hosts (comments left out).</summary>
    private static string? Resolve(string hosts, string label)
    {
        if (IPAddress.TryParse(label, out _))
        {
            return label;
        }
        return hosts.Split('\n')
            .Select(l => l.Split('#')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(f => f.Length > 1 && f.Skip(1).Contains(label, StringComparer.Ordinal))?[0];
    }

    private sealed record Inet(string Address, string Netmask);

    /// <summary>Each interface of <c>ifconfig -a</c> with its inet addresses, the boot address first;
    /// netmasks dotted.</summary>
    private static Dictionary<string, List<Inet>> Interfaces(string ifconfig)
    {
        var result = new Dictionary<string, List<Inet>>(StringComparer.Ordinal);
        List<Inet>? current = null;
        foreach (var line in ifconfig.Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                current = result[line[..colon]] = [];
                continue;
            }
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (current is null || words.Length < 2 || words[0] != "inet")
            {
                continue;
            }
            var at = Array.IndexOf(words, "netmask");
            var mask = at > 0 && at + 1 < words.Length ? words[at + 1] : "255.255.255.0";
            if (mask.StartsWith("0x", StringComparison.Ordinal)
                && uint.TryParse(mask.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits))
            {
                mask = $"{bits >> 24}.{(bits >> 16) & 255}.{(bits >> 8) & 255}.{bits & 255}";
            }
            current.Add(new Inet(words[1], mask));
        }
        return result;
    }
}
