using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Software;

/// <summary>An installable fileset image on the media: level, description, whether it has a root
/// part, and its prerequisites (fileset and lowest level).</summary>
public sealed record FilesetImage(string Name, string Level, string Description, bool Root, IReadOnlyList<(string Fileset, string Level)> Requisites);

/// <summary>One HACMP release as the simulator offers it: its installation images in a directory of
/// every node, the cluster_version its ODM carries, and the AIX level it needs.</summary>
public sealed record SoftwareRelease(string Release, string Directory, string Title, int OdmVersion, string MinOsLevel, IReadOnlyList<FilesetImage> Filesets);

/// <summary>
/// The software inventory as data: the AIX and RSCT filesets every simulated node has, and the
/// HACMP 5.4.1 and 5.5 installation images the simulator offers (seeds 000: "PowerHA 5.5 - AIX
/// 5300-9 - RSCT 2.4.10", bos.clvm.enh for enhanced concurrent VGs, bos.net.nfs.server for
/// cluster.es.nfs; fileset names and descriptions powerha-verify-install-outputs.md §5.1 and §5.8,
/// RECONSTRUCTED where that page says so; levels RECONSTRUCTED: 5.4.1.0, 5.5.0.10). Correct a
/// level or a requisite here alone.
/// </summary>
public static class SoftwareCatalog
{
    /// <summary>Where the images are, on every node (installp -d DIR).</summary>
    public const string ImagesDirectory = "/usr/sys/inst.images";

    /// <summary>The AIX level of every node: AIX 6.1 TL9, the era the menus follow.</summary>
    public const string OsLevel = "6100-09-12-1846";

    /// <summary>The release a new world has installed unless told otherwise.</summary>
    public const string DefaultRelease = "5.5";

    /// <summary>The base operating system and RSCT filesets of every node (never on the HACMP media).</summary>
    public static IReadOnlyList<FilesetImage> BaseFilesets { get; } =
    [
        new("bos.clvm.enh", "6.1.9.300", "Enhanced Concurrent Logical Volume Manager", true, []),
        new("bos.net.nfs.client", "6.1.9.300", "Network File System Client", true, []),
        new("bos.net.nfs.server", "6.1.9.300", "Network File System Server", true, []),
        new("bos.rte", "6.1.9.300", "Base Operating System Runtime", true, []),
        new("rsct.basic.hacmp", "2.5.5.0", "RSCT Basic Function (HACMP/ES Support)", true, []),
        new("rsct.basic.rte", "2.5.5.0", "RSCT Basic Function", true, []),
        new("rsct.compat.basic.hacmp", "2.5.5.0", "RSCT Event Management Basic Function (HACMP/ES Support)", true, []),
        new("rsct.compat.clients.hacmp", "2.5.5.0", "RSCT Event Management Client Function (HACMP/ES Support)", true, []),
        new("rsct.core.rmc", "2.5.5.0", "RSCT Resource Monitoring and Control", true, []),
    ];

    public static IReadOnlyList<SoftwareRelease> Releases { get; } =
    [
        Release("5.4.1", "hacmp541", "HACMP 5.4.1 installation images", 9, "6100-00", "5.4.1.0", "5.4.1.0", "2.5.0.0"),
        Release("5.5", "hacmp55", "HACMP 5.5 installation images", 10, "6100-02", "5.5.0.10", "5.5.0.0", "2.5.2.0"),
    ];

    public static SoftwareRelease? Find(string release) => Releases.FirstOrDefault(r => r.Release == release);

    /// <summary>The release whose images a directory holds, or null.</summary>
    public static SoftwareRelease? AtDirectory(string directory) =>
        Releases.FirstOrDefault(r => r.Directory == directory.TrimEnd('/'));

    /// <summary>The release a cluster.es.server.rte level belongs to (5.4.1.0 is 5.4.1, 5.5.0.10 is 5.5), or null.</summary>
    public static SoftwareRelease? OfLevel(string level) =>
        Releases.FirstOrDefault(r => SameRelease(r.Filesets.First(f => f.Name == ServerFileset).Level, level));

    /// <summary>The fileset whose level is the cluster's HACMP level.</summary>
    public const string ServerFileset = "cluster.es.server.rte";

    private static SoftwareRelease Release(string release, string dir, string title, int odm, string minOs, string level, string fixedLevel, string rsct)
    {
        (string, string)[] server = [("rsct.basic.rte", rsct), ("rsct.compat.basic.hacmp", rsct), ("rsct.compat.clients.hacmp", rsct), ("cluster.es.client.rte", level), ("cluster.license", fixedLevel)];
        return new(release, ImagesDirectory + "/" + dir, title, odm, minOs,
        [
            new("cluster.es.client.clcomd", level, "ES Cluster Communication Infrastructure", true, []),
            new("cluster.es.client.lib", level, "ES Client Libraries", false, [("cluster.es.client.rte", level)]),
            new("cluster.es.client.rte", level, "ES Client Runtime", false, [("cluster.es.client.clcomd", level)]),
            new("cluster.es.client.utils", level, "ES Client Utilities", false, [("cluster.es.client.rte", level)]),
            new("cluster.es.clvm.rte", level, "ES for AIX Concurrent Access", true, [("bos.clvm.enh", "6.1.0.0"), (ServerFileset, level)]),
            new("cluster.es.cspoc.cmds", level, "ES CSPOC Commands", false, [("cluster.es.cspoc.rte", level)]),
            new("cluster.es.cspoc.dsh", fixedLevel, "ES CSPOC dsh", false, []),
            new("cluster.es.cspoc.rte", level, "ES CSPOC Runtime Commands", true, [(ServerFileset, level), ("cluster.es.cspoc.dsh", fixedLevel)]),
            new("cluster.es.nfs.rte", level, "ES NFS Support", true, [("bos.net.nfs.server", "6.1.0.0"), (ServerFileset, level)]),
            new("cluster.es.server.diag", level, "ES Server Diags", true, [(ServerFileset, level)]),
            new("cluster.es.server.events", level, "ES Server Events", true, [(ServerFileset, level)]),
            new(ServerFileset, level, "Base Server Runtime", true, server),
            new("cluster.es.server.utils", level, "ES Server Utilities", true, [(ServerFileset, level)]),
            new("cluster.license", fixedLevel, "HACMP Electronic License", false, []),
        ]);
    }

    /// <summary>The cluster filesets a node of a new world has (the media's, less the optional NFS and concurrent access support).</summary>
    public static IEnumerable<FilesetImage> Installed(SoftwareRelease release) =>
        release.Filesets.Where(f => f.Name is not ("cluster.es.nfs.rte" or "cluster.es.clvm.rte"));

    /// <summary>A node's inventory in a new world: the base filesets and, unless <paramref name="release"/>
    /// is null, that HACMP release, all committed on <paramref name="when"/>.</summary>
    public static NodeSoftware Baseline(SoftwareRelease? release, DateTime when)
    {
        var software = new NodeSoftware { OsLevel = OsLevel };
        foreach (var image in BaseFilesets.Concat(release is null ? [] : Installed(release)))
        {
            software.Filesets.Add(Committed(image, when));
        }
        software.Filesets.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return software;
    }

    /// <summary>A fileset as installp leaves a base level installed with its update committed: the
    /// base level's COMMIT row, then the update's APPLY and COMMIT rows.</summary>
    public static InstalledFileset Committed(FilesetImage image, DateTime when)
    {
        var fileset = new InstalledFileset { Name = image.Name, Level = image.Level, State = "COMMITTED", Description = image.Description, Root = image.Root };
        var parts = image.Level.Split('.');
        if (parts.Length == 4 && parts[3] != "0")
        {
            fileset.History.Add(new FilesetEvent { Level = string.Join('.', parts[..3]) + ".0", Action = "COMMIT", When = when });
            fileset.History.Add(new FilesetEvent { Level = image.Level, Action = "APPLY", When = when });
        }
        fileset.History.Add(new FilesetEvent { Level = image.Level, Action = "COMMIT", When = when });
        return fileset;
    }

    /// <summary>Compares two V.R.M.F levels numerically.</summary>
    public static int Compare(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var p = i < x.Length && int.TryParse(x[i], out var m) ? m : 0;
            var q = i < y.Length && int.TryParse(y[i], out var n) ? n : 0;
            if (p != q)
            {
                return p.CompareTo(q);
            }
        }
        return 0;
    }

    /// <summary>Same version, release and modification (5.5.0.0 and 5.5.0.10): an update, not a migration.</summary>
    public static bool SameRelease(string a, string b) =>
        string.Join('.', a.Split('.').Take(3)) == string.Join('.', b.Split('.').Take(3));

    /// <summary>
    /// What installing the cluster server fileset adds to a node's files (seeds 000: "After
    /// Installation changes: /etc/inittab, /etc/rc.net, /etc/services, /etc/snmpd.conf,
    /// /etc/snmpd.peers, /etc/syslog.conf ..."): each file and the lines it must hold (RECONSTRUCTED:
    /// the entries as recalled from HACMP 5.x nodes; correct them here).
    /// </summary>
    public static IReadOnlyList<(string File, string[] Lines)> InstallChanges { get; } =
    [
        ("/etc/inittab", [
            "clcomdES:2:once:startsrc -s clcomdES >/dev/console 2>&1",
            "harc:2:wait:/usr/es/sbin/cluster/etc/harc.net # HACMP for AIX network startup",
        ]),
        ("/etc/services", [
            "clinfo_deadman   6176/tcp",
            "clinfo_client    6174/tcp",
            "clsmuxpd         6270/tcp",
            "clm_lkm          6150/tcp",
            "clm_smux         6175/tcp",
            "godm             6177/tcp",
            "topsvcs          6178/udp",
            "grpsvcs          6179/udp",
            "emsvcs           6180/udp",
            "clcomd           6191/tcp",
        ]),
        ("/etc/snmpd.conf", ["smux 1.3.6.1.4.1.2.3.1.2.1.5 clsmuxpd_password # HACMP/ES for AIX clsmuxpd"]),
        ("/etc/snmpd.peers", ["clsmuxpd 1.3.6.1.4.1.2.3.1.2.1.5 \"clsmuxpd_password\" # HACMP/ES for AIX clsmuxpd"]),
        ("/etc/syslog.conf", ["local0.crit /dev/console", "local0.info /var/hacmp/adm/cluster.log", "user.notice /var/hacmp/adm/cluster.log", "daemon.notice /var/hacmp/adm/cluster.log"]),
    ];

    /// <summary>Where the release notes of the installed release are (seeds 000 gives both paths).</summary>
    public static IReadOnlyList<string> ReleaseNotes { get; } = ["/usr/es/sbin/cluster/release_notes", "/usr/es/lpp/cluster/doc/release_notes"];
}
