using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Odm;

namespace ClAdmin.Store;

/// <summary>A snapshot as listed: its name, description and files.</summary>
public sealed record SnapshotInfo(string Name, string Description, string OdmFile, string InfoFile);

/// <summary>
/// Cluster snapshots as HACMP writes them (semantics §11): NAME.odm with three sections
/// (&lt;VER, &lt;DSC, &lt;ODM holding odmget stanzas) and NAME.info with the cluster state, in one
/// directory, wherever <see cref="ISnapshotFiles"/> keeps it.
/// </summary>
public sealed class SnapshotRepository(ISnapshotFiles files)
{
    public const string Version = "1.0";

    /// <summary>Snapshots in a directory of this machine.</summary>
    public SnapshotRepository(string directory) : this(new DirectorySnapshotFiles(directory))
    {
    }

    public string Directory => files.Directory;

    public string OdmPath(string name) => files.PathOf(name + ".odm");

    public string InfoPath(string name) => files.PathOf(name + ".info");

    public bool Exists(string name) => files.Exists(name + ".odm");

    /// <summary>Writes NAME.info then NAME.odm (each whole, the .odm last, so a half-written snapshot never lists).</summary>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public SnapshotInfo Create(string name, string description, IReadOnlyList<OdmObject> objects, string info)
    {
        files.Write(name + ".info", info);
        files.Write(name + ".odm", FormatOdm(description, objects));
        return new SnapshotInfo(name, description, OdmPath(name), InfoPath(name));
    }

    public static string FormatOdm(string description, IReadOnlyList<OdmObject> objects) =>
        new StringBuilder()
            .Append("<VER\n").Append(Version).Append("\n</VER\n\n")
            .Append("<DSC\n").Append(description).Append("\n</DSC\n\n")
            .Append("<ODM\n").Append(OdmStanza.Format(objects)).Append("\n</ODM\n")
            .ToString();

    /// <summary>Splits a .odm file into its description and objects.</summary>
    public static (string Description, IReadOnlyList<OdmObject> Objects, IReadOnlyList<string> Errors) ParseOdm(string text)
    {
        var errors = new List<string>();
        string Section(string tag)
        {
            var start = text.IndexOf("<" + tag + "\n", StringComparison.Ordinal);
            var end = text.IndexOf("</" + tag, StringComparison.Ordinal);
            if (start < 0 || end < start)
            {
                errors.Add($"the <{tag} ... </{tag} section is missing");
                return "";
            }
            return text[(start + tag.Length + 2)..end].TrimEnd('\n');
        }
        var ver = Section("VER").Trim();
        if (ver.Length > 0 && ver != Version)
        {
            errors.Add($"snapshot version {ver} is not {Version}; convert it first (clconvert_snapshot)");
        }
        var dsc = Section("DSC");
        var (objects, odmErrors) = OdmStanza.Parse(Section("ODM"));
        errors.AddRange(odmErrors.Select(e => e.ToString()));
        return (dsc, objects, errors);
    }

    public IReadOnlyList<SnapshotInfo> List() =>
        [.. files.Files().Where(f => f.EndsWith(".odm", StringComparison.Ordinal) && f.Length > 4).Order(StringComparer.Ordinal)
            .Select(f => Show(f[..^4])).OfType<SnapshotInfo>()];

    public SnapshotInfo? Show(string name)
    {
        if (!Exists(name))
        {
            return null;
        }
        var (description, _, _) = ParseOdm(files.Read(name + ".odm"));
        return new SnapshotInfo(name, description, OdmPath(name), InfoPath(name));
    }

    /// <summary>The objects a snapshot holds, as its .odm file lists them.</summary>
    /// <exception cref="InvalidDataException">the file is damaged.</exception>
    public (string Description, IReadOnlyList<OdmObject> Objects) ReadObjects(string name)
    {
        var (description, objects, errors) = ParseOdm(files.Read(name + ".odm"));
        return errors.Count > 0 ? throw new InvalidDataException($"{OdmPath(name)}: {string.Join("; ", errors)}") : (description, objects);
    }

    /// <summary>The configuration a snapshot holds.</summary>
    /// <exception cref="InvalidDataException">the file is damaged or holds an invalid configuration.</exception>
    public (string Description, ClusterConfiguration Configuration) Read(string name)
    {
        var (description, objects) = ReadObjects(name);
        var (config, mapErrors) = OdmMapping.FromObjects(objects);
        return config is null ? throw new InvalidDataException($"{OdmPath(name)}: {string.Join("; ", mapErrors)}") : (description, config);
    }

    public bool Remove(string name)
    {
        var existed = Exists(name);
        foreach (var file in new[] { name + ".odm", name + ".info" }.Where(files.Exists))
        {
            files.Delete(file);
        }
        return existed;
    }

    /// <summary>Renames a snapshot and/or changes its description.</summary>
    public void Modify(string name, string? newName, string? description)
    {
        var (oldDescription, objects, _) = ParseOdm(files.Read(name + ".odm"));
        var target = newName ?? name;
        var info = files.Exists(name + ".info") ? files.Read(name + ".info") : "";
        Create(target, description ?? oldDescription, objects, info);
        if (target != name)
        {
            Remove(name);
        }
    }
}
