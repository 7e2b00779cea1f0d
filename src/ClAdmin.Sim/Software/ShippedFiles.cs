using System.Text;

namespace ClAdmin.Sim.Software;

/// <summary>
/// The files the cluster filesets put on a node, as data: what installp writes, installp -u
/// removes and lppchk -c checks against the checksum the inventory holds (the content shipped at
/// the installed level). Paths and owners RECONSTRUCTED (HACMP 5.x nodes: harc.net run from
/// /etc/inittab, clinfo.rc, the release notes where seeds 000 puts them); correct them here.
/// </summary>
public static class ShippedFiles
{
    /// <summary>Each shipped file: the fileset that owns it and its path.</summary>
    public static IReadOnlyList<(string Fileset, string Path)> Files { get; } =
    [
        (SoftwareCatalog.ServerFileset, "/usr/es/sbin/cluster/etc/harc.net"),
        (SoftwareCatalog.ServerFileset, SoftwareCatalog.ReleaseNotes[0]),
        (SoftwareCatalog.ServerFileset, SoftwareCatalog.ReleaseNotes[1]),
        ("cluster.es.client.rte", "/usr/es/sbin/cluster/etc/clinfo.rc"),
    ];

    /// <summary>The files <paramref name="fileset"/> ships.</summary>
    public static IEnumerable<string> Of(string fileset) => Files.Where(f => f.Fileset == fileset).Select(f => f.Path);

    /// <summary>The content of <paramref name="path"/> as <paramref name="level"/> ships it.</summary>
    public static string Content(string path, string level) => path switch
    {
        "/usr/es/sbin/cluster/etc/harc.net" => $"#!/bin/ksh\n# HACMP for AIX {level}: harc.net, run from /etc/inittab at boot\n# to configure the boot addresses before cluster services start.\n/usr/es/sbin/cluster/etc/rc.net -boot\nexit 0\n",
        "/usr/es/sbin/cluster/etc/clinfo.rc" => $"#!/bin/ksh\n# HACMP for AIX {level}: clinfo.rc, run by clinfo on a cluster, node or network event.\nexit 0\n",
        _ => $"HACMP for AIX {level} Release Notes\n\nRead these notes before installing or migrating: supported AIX and RSCT levels,\nmigration paths (node by node, snapshot conversion) and known problems.\n",
    };

    /// <summary>
    /// The checksum the AIX inventory records and lppchk -c compares: that of <c>sum -r</c> (the BSD
    /// algorithm: rotate the 16-bit sum right by one, add the byte).
    /// </summary>
    public static int Checksum(string content)
    {
        var sum = 0;
        foreach (var b in Encoding.UTF8.GetBytes(content))
        {
            sum = ((sum >> 1) + ((sum & 1) << 15) + b) & 0xFFFF;
        }
        return sum;
    }

    /// <summary>lppchk -c on a file whose checksum differs (outputs §5.4, VERBATIM layout).</summary>
    public static string ChecksumError(string path, int found, int expected) =>
        $"lppchk:  The checksum for file {path} is {found},\n           expected value is {expected}.";

    /// <summary>lppchk -c on a shipped file that is gone (RECONSTRUCTED wording).</summary>
    public static string Missing(string path) => $"lppchk:  0504-206  File {path} could not be located.";
}
