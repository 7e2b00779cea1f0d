namespace ClAdmin.Store;

/// <summary>
/// The directory snapshot files live in, on whatever holds it: this machine's file system
/// (<see cref="DirectorySnapshotFiles"/>) or a simulated node's file tree. <see cref="SnapshotRepository"/>
/// keeps the format; this only stores whole files by name.
/// </summary>
public interface ISnapshotFiles
{
    /// <summary>The directory, as its node names it (shown in messages).</summary>
    string Directory { get; }

    /// <summary>The full path of <paramref name="file"/> (a file name) in the directory.</summary>
    string PathOf(string file);

    bool Exists(string file);

    /// <exception cref="IOException">The file cannot be read.</exception>
    string Read(string file);

    /// <summary>Writes the whole file, or nothing: a reader never sees it half written.</summary>
    /// <exception cref="IOException">The file cannot be written (the message names it).</exception>
    void Write(string file, string text);

    void Delete(string file);

    /// <summary>The names of the files in the directory (none when it does not exist).</summary>
    IReadOnlyList<string> Files();
}

/// <summary>Snapshot files in a directory of this machine (created when first written).</summary>
public sealed class DirectorySnapshotFiles(string directory) : ISnapshotFiles
{
    public string Directory { get; } = directory;

    public string PathOf(string file) => Path.Combine(Directory, file);

    public bool Exists(string file) => File.Exists(PathOf(file));

    public string Read(string file) => File.ReadAllText(PathOf(file));

    public void Write(string file, string text)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var tmp = PathOf(file) + ".tmp";
            File.WriteAllText(tmp, text);
            File.Move(tmp, PathOf(file), overwrite: true);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot write {PathOf(file)}: {e.Message}", e);
        }
    }

    public void Delete(string file) => File.Delete(PathOf(file));

    public IReadOnlyList<string> Files() =>
        System.IO.Directory.Exists(Directory) ? [.. System.IO.Directory.GetFiles(Directory).Select(f => Path.GetFileName(f))] : [];
}
