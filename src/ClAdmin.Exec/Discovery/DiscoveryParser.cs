using System.Globalization;
using ClAdmin.Exec.Verification;
using ClAdmin.Store;

namespace ClAdmin.Exec.Discovery;

/// <summary>Reads the AIX listings discovery gathers (aix-commands.md layouts) into discovery data.</summary>
internal static class DiscoveryParser
{
    private static string[] Words(string line) => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary><c>ifconfig -a</c>: every inet address of every interface but the loopback, with its
    /// netmask as a dotted quad (read as verification reads it).</summary>
    public static List<DiscoveredInterface> Ifconfig(string text) =>
        [.. FactsCollector.ParseIfconfig(text)
            .Where(i => !i.Name.StartsWith("lo", StringComparison.Ordinal))
            .Select(i => new DiscoveredInterface(i.Name, i.Address, i.Netmask))];

    /// <summary>/etc/hosts: each name of each line (comments removed), loopback addresses left out.</summary>
    public static List<DiscoveredHost> Hosts(string text) =>
        [.. FactsCollector.ParseHosts(text)
            .Where(h => !h.Address.StartsWith("127.", StringComparison.Ordinal) && h.Address != "::1")
            .Select(h => new DiscoveredHost(h.Address, h.Label))];

    /// <summary><c>lspv</c>: hdisk, PVID, volume group.</summary>
    public static List<DiscoveredDisk> Lspv(string text) =>
        [.. Lines(text).Select(Words).Where(w => w.Length >= 3).Select(w => new DiscoveredDisk(w[0], w[1], w[2]))];

    /// <summary><c>lsvg</c> or <c>lsvg -o</c>: one name a line.</summary>
    public static List<string> Names(string text) => [.. Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary><c>lsvg VG ...</c>: per volume group its PP size and whether it is enhanced concurrent capable.</summary>
    public static Dictionary<string, (int PpSize, bool Concurrent)> LsvgDetails(string text)
    {
        var result = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        string? vg = null;
        foreach (var line in Lines(text))
        {
            var w = Words(line);
            if (line.StartsWith("VOLUME GROUP:", StringComparison.Ordinal) && w.Length >= 3)
            {
                vg = w[2];
                result[vg] = (0, false);
            }
            else if (vg is null)
            {
                continue;
            }
            var pp = line.IndexOf("PP SIZE:", StringComparison.Ordinal);
            if (pp >= 0 && Words(line[(pp + 8)..]) is [var size, ..] && int.TryParse(size, CultureInfo.InvariantCulture, out var mb))
            {
                result[vg] = (mb, result[vg].Item2);
            }
            if (line.StartsWith("Concurrent:", StringComparison.Ordinal) && line.Contains("Capable", StringComparison.Ordinal))
            {
                result[vg] = (result[vg].Item1, true);
            }
        }
        return result;
    }
}
