using System.Globalization;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Persistence;

/// <summary>
/// A world store in one JSON file with a version file beside it. Saves hold an exclusive lock
/// file while they compare versions and replace the document (write to a temporary file, then
/// rename), so concurrent runs on one machine never leave a torn or lost update.
/// </summary>
public sealed class FileWorldStore(string path) : IWorldStore
{
    private string VersionPath => path + ".version";

    private string LockPath => path + ".lock";

    public StoredWorld? Load()
    {
        using var _ = AcquireLock();
        if (!File.Exists(path))
        {
            return null;
        }
        return new StoredWorld(WorldJson.Deserialize(File.ReadAllText(path)), ReadVersion());
    }

    public WorldSaveResult Save(SimWorld world, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(world);
        var json = WorldJson.Serialize(world);
        using var _ = AcquireLock();
        var current = File.Exists(path) ? ReadVersion() : 0;
        if (current != expectedVersion)
        {
            return WorldSaveResult.Conflict(current);
        }
        var next = current + 1;
        var temp = path + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, path, overwrite: true);
        File.WriteAllText(VersionPath, next.ToString(CultureInfo.InvariantCulture));
        return WorldSaveResult.Ok(next);
    }

    public long? StoredVersion()
    {
        using var _ = AcquireLock();
        return File.Exists(path) ? ReadVersion() : null;
    }

    private long ReadVersion() =>
        File.Exists(VersionPath) ? long.Parse(File.ReadAllText(VersionPath).Trim(), CultureInfo.InvariantCulture) : 0;

    private FileStream AcquireLock()
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(10);
            }
        }
    }
}
