using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Store;

/// <summary>An IP address configured on a node's interface (<c>ifconfig -a</c>): en0, 192.168.100.1, 255.255.255.0.</summary>
public sealed record DiscoveredInterface(string Device, string Address, string Netmask);

/// <summary>One label of a node's /etc/hosts: the address and one of its names.</summary>
public sealed record DiscoveredHost(string Address, string Label);

/// <summary>A physical volume a node sees (<c>lspv</c>): its hdisk name there, its PVID ("none" when it
/// has none) and its volume group ("None" when it belongs to none).</summary>
public sealed record DiscoveredDisk(string Hdisk, string Pvid, string VolumeGroup);

/// <summary>A volume group a node knows (<c>lsvg</c>). The PP size (megabytes), the major number and
/// the concurrency come from <c>lsvg VG</c> where it is varied on; 0 and false when the node could not say.</summary>
public sealed record DiscoveredVolumeGroup(string Name, int PpSize, int Major, bool ConcurrentCapable, bool Active);

/// <summary>Everything discovery found on one node (HACMP's clip_config and clvg_config for that node).</summary>
public sealed record NodeDiscovery(
    string Node,
    IReadOnlyList<DiscoveredInterface> Interfaces,
    IReadOnlyList<DiscoveredHost> Hosts,
    IReadOnlyList<DiscoveredDisk> Disks,
    IReadOnlyList<DiscoveredVolumeGroup> VolumeGroups);

public sealed partial class ObjectRepository
{
    /// <summary>Replaces what discovery knows of <paramref name="data"/>'s node, in one transaction.</summary>
    public void ReplaceDiscovery(NodeDiscovery data) => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(data);
        using var tx = _connection.BeginTransaction(deferred: false);
        using (var del = Command("DELETE FROM discovery_node WHERE node = $n", tx))
        {
            del.Parameters.AddWithValue("$n", data.Node);
            del.ExecuteNonQuery();
        }
        using (var put = Command("INSERT INTO discovery_node (node, discovered_utc) VALUES ($n, $t)", tx))
        {
            put.Parameters.AddWithValue("$n", data.Node);
            put.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            put.ExecuteNonQuery();
        }
        Insert(tx, "INSERT INTO discovered_interface (node, ord, device, address, netmask) VALUES ($n, $o, $a, $b, $c)", data.Node,
            data.Interfaces, i => [i.Device, i.Address, i.Netmask]);
        Insert(tx, "INSERT INTO discovered_host (node, ord, address, label) VALUES ($n, $o, $a, $b)", data.Node,
            data.Hosts, h => [h.Address, h.Label]);
        Insert(tx, "INSERT INTO discovered_pv (node, ord, hdisk, pvid, volume_group) VALUES ($n, $o, $a, $b, $c)", data.Node,
            data.Disks, d => [d.Hdisk, d.Pvid, d.VolumeGroup]);
        Insert(tx, "INSERT INTO discovered_vg (node, ord, name, pp_size, major, concurrent, active) VALUES ($n, $o, $a, $b, $c, $d, $e)", data.Node,
            data.VolumeGroups, v => [v.Name, v.PpSize, v.Major, v.ConcurrentCapable ? 1 : 0, v.Active ? 1 : 0]);
        tx.Commit();
        return 0;
    });

    /// <summary>What discovery stored, one entry per node discovered, in node name order.</summary>
    public IReadOnlyList<NodeDiscovery> LoadDiscovery() => Guard(() =>
    {
        var nodes = Rows("SELECT node FROM discovery_node ORDER BY node", r => r.GetString(0));
        List<(string Node, T Item)> All<T>(string sql, Func<SqliteDataReader, T> read) =>
            Rows(sql, r => (r.GetString(0), read(r)));
        var ifs = All("SELECT node, device, address, netmask FROM discovered_interface ORDER BY node, ord",
            r => new DiscoveredInterface(r.GetString(1), r.GetString(2), r.GetString(3)));
        var hosts = All("SELECT node, address, label FROM discovered_host ORDER BY node, ord",
            r => new DiscoveredHost(r.GetString(1), r.GetString(2)));
        var pvs = All("SELECT node, hdisk, pvid, volume_group FROM discovered_pv ORDER BY node, ord",
            r => new DiscoveredDisk(r.GetString(1), r.GetString(2), r.GetString(3)));
        var vgs = All("SELECT node, name, pp_size, major, concurrent, active FROM discovered_vg ORDER BY node, ord",
            r => new DiscoveredVolumeGroup(r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt64(4) != 0, r.GetInt64(5) != 0));
        static List<T> Of<T>(List<(string Node, T Item)> rows, string node) => [.. rows.Where(x => x.Node == node).Select(x => x.Item)];
        return (IReadOnlyList<NodeDiscovery>)[.. nodes.Select(n => new NodeDiscovery(n, Of(ifs, n), Of(hosts, n), Of(pvs, n), Of(vgs, n)))];
    });

    private void Insert<T>(SqliteTransaction tx, string sql, string node, IReadOnlyList<T> items, Func<T, object[]> values)
    {
        for (var i = 0; i < items.Count; i++)
        {
            using var cmd = Command(sql, tx);
            cmd.Parameters.AddWithValue("$n", node);
            cmd.Parameters.AddWithValue("$o", i);
            var v = values(items[i]);
            for (var j = 0; j < v.Length; j++)
            {
                cmd.Parameters.AddWithValue("$" + (char)('a' + j), v[j]);
            }
            cmd.ExecuteNonQuery();
        }
    }

    private List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var cmd = Command(sql);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(read(r));
        }
        return list;
    }
}
