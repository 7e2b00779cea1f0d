using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Odm;

namespace ClAdmin.Store;

/// <summary>A snapshot as listed: its name, description and files.</summary>
public sealed record SnapshotInfo(string Name, string Description, string OdmFile, string InfoFile);

/// <summary>
/// Cluster snapshots as HACMP writes them (semantics §11): NAME.odm with three sections
/// (&lt;VER, &lt;DSC, &lt;ODM holding odmget stanzas) and NAME.info with the cluster state, in one directory.
/// </summary>
public sealed class SnapshotRepository(string directory)
{
    public const string Version = "1.0";

    public string Directory { get; } = directory;

    public string OdmPath(string name) => Path.Combine(Directory, name + ".odm");

    public string InfoPath(string name) => Path.Combine(Directory, name + ".info");

    public bool Exists(string name) => File.Exists(OdmPath(name));

    /// <summary>Writes NAME.odm and NAME.info (the .odm last, through a temporary file, so a half-written snapshot never lists).</summary>
    public SnapshotInfo Create(string name, string description, IReadOnlyList<OdmObject> objects, string info)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(InfoPath(name), info);
        var tmp = OdmPath(name) + ".tmp";
        File.WriteAllText(tmp, FormatOdm(description, objects));
        File.Move(tmp, OdmPath(name), overwrite: true);
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
        !System.IO.Directory.Exists(Directory) ? []
        : [.. System.IO.Directory.GetFiles(Directory, "*.odm").Order(StringComparer.Ordinal).Select(f => Show(Path.GetFileNameWithoutExtension(f))!)];

    public SnapshotInfo? Show(string name)
    {
        if (!Exists(name))
        {
            return null;
        }
        var (description, _, _) = ParseOdm(File.ReadAllText(OdmPath(name)));
        return new SnapshotInfo(name, description, OdmPath(name), InfoPath(name));
    }

    /// <summary>The configuration a snapshot holds.</summary>
    /// <exception cref="InvalidDataException">the file is damaged or holds an invalid configuration.</exception>
    public (string Description, ClusterConfiguration Configuration) Read(string name)
    {
        var (description, objects, errors) = ParseOdm(File.ReadAllText(OdmPath(name)));
        if (errors.Count > 0)
        {
            throw new InvalidDataException($"{OdmPath(name)}: {string.Join("; ", errors)}");
        }
        var (config, mapErrors) = OdmMapping.FromObjects(objects);
        return config is null ? throw new InvalidDataException($"{OdmPath(name)}: {string.Join("; ", mapErrors)}") : (description, config);
    }

    public bool Remove(string name)
    {
        var existed = Exists(name);
        File.Delete(OdmPath(name));
        File.Delete(InfoPath(name));
        return existed;
    }

    /// <summary>Renames a snapshot and/or changes its description.</summary>
    public void Modify(string name, string? newName, string? description)
    {
        var (oldDescription, objects, _) = ParseOdm(File.ReadAllText(OdmPath(name)));
        var target = newName ?? name;
        var info = File.Exists(InfoPath(name)) ? File.ReadAllText(InfoPath(name)) : "";
        if (target != name)
        {
            Remove(name);
        }
        Create(target, description ?? oldDescription, objects, info);
    }
}
