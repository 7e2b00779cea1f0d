using System.Globalization;
using ClAdmin.Store;

namespace ClAdmin.Exec.Discovery;

/// <summary>Reads the AIX listings discovery gathers (aix-commands.md layouts) into discovery data.</summary>
internal static class DiscoveryParser
{
    private static string[] Words(string line) => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary><c>ifconfig -a</c>: every inet address of every interface but the loopback, with its
    /// netmask (printed in hex, 0xffffff00) as a dotted quad.</summary>
    public static List<DiscoveredInterface> Ifconfig(string text)
    {
        var result = new List<DiscoveredInterface>();
        string? device = null;
        foreach (var line in Lines(text))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line.Contains(':', StringComparison.Ordinal))
            {
                device = line[..line.IndexOf(':', StringComparison.Ordinal)];
                continue;
            }
            var w = Words(line);
            if (device is null || device.StartsWith("lo", StringComparison.Ordinal) || w.Length < 4 || w[0] != "inet" || w[2] != "netmask")
            {
                continue;
            }
            result.Add(new DiscoveredInterface(device, w[1], Netmask(w[3])));
        }
        return result;
    }

    internal static string Netmask(string mask)
    {
        if (!mask.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ||
            !uint.TryParse(mask.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
        {
            return mask;
        }
        return $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}";
    }

    /// <summary>/etc/hosts: each name of each line (comments removed), loopback addresses left out.</summary>
    public static List<DiscoveredHost> Hosts(string text)
    {
        var result = new List<DiscoveredHost>();
        foreach (var line in Lines(text))
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var w = Words(hash >= 0 ? line[..hash] : line);
            if (w.Length < 2 || w[0].StartsWith("127.", StringComparison.Ordinal) || w[0] == "::1")
            {
                continue;
            }
            result.AddRange(w.Skip(1).Select(label => new DiscoveredHost(w[0], label)));
        }
        return result;
    }

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
