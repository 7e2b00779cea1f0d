using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Store;

namespace ClAdmin.Sim;

/// <summary>
/// Snapshot files in a directory of a simulated node's own file tree (<c>ls</c> and <c>cat</c> on
/// that node show them). Each write or delete changes the world through <see cref="SimTransport.ChangeWorldAsync"/>,
/// so it is saved whole, safely against other cladmin runs.
/// </summary>
/// <param name="sim">The simulated nodes.</param>
/// <param name="node">The node the files are on (asked at each use: the runtime's local node).</param>
/// <param name="directory">An absolute directory on that node.</param>
public sealed class SimNodeFiles(SimTransport sim, Func<string> node, string directory) : ISnapshotFiles
{
    public string Directory { get; } = FileTree.Absolute(directory);

    public string PathOf(string file) => Directory == "/" ? "/" + file : Directory + "/" + file;

    public bool Exists(string file) => Node(sim.World).Files.ContainsKey(PathOf(file));

    public string Read(string file) =>
        Node(sim.World).Files.TryGetValue(PathOf(file), out var f) ? f.Content : throw new FileNotFoundException($"{PathOf(file)}: no such file on {node()}");

    public void Write(string file, string text) => Change(world =>
    {
        var n = Node(world);
        // A node's ODM carries the cluster_version of the HACMP release it runs (5.4.1: 9, 5.5: 10).
        if (file.EndsWith(".odm", StringComparison.Ordinal) && Commands.ConversionCommands.Installed(n) is { } release)
        {
            text = Commands.ConversionCommands.Stamp(text, release.OdmVersion);
        }
        FileTree.Write(world, n, PathOf(file), text, append: false);
        n.Files[PathOf(file)].Mode = "-rw-r--r--";
    }, $"cannot write {PathOf(file)} on {node()}");

    public void Delete(string file) => Change(world => Node(world).Files.Remove(PathOf(file)), $"cannot remove {PathOf(file)} on {node()}");

    public IReadOnlyList<string> Files() =>
        [.. Node(sim.World).Files.Keys.Where(p => FileTree.Parent(p) == Directory).Select(p => p[(p.LastIndexOf('/') + 1)..])];

    private SimNode Node(SimWorld world) =>
        world.FindNode(node()) ?? throw new IOException($"{Directory}: the simulated world has no node {node()}");

    private void Change(Action<SimWorld> change, string failure)
    {
        var saved = sim.ChangeWorldAsync(world =>
        {
            change(world);
            return true;
        }, CancellationToken.None).GetAwaiter().GetResult();
        if (saved is not true)
        {
            throw new IOException($"{failure}: the simulated world kept changing underneath (another cladmin is busy); try again");
        }
    }
}
