using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Shell;

/// <summary>Paths and writes in a node's small file tree. The shell's working directory is "/".</summary>
internal static class FileTree
{
    public static string Absolute(string path)
    {
        var p = path.StartsWith('/') ? path : "/" + (path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path);
        return p.Length > 1 ? p.TrimEnd('/') : p;
    }

    public static string Parent(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }

    public static bool IsDirectory(SimNode node, string path) =>
        path == "/" || node.Directories.Contains(path);

    public static void AddDirectory(SimNode node, string path)
    {
        for (var p = Absolute(path); p != "/"; p = Parent(p))
        {
            node.Directories.Add(p);
        }
    }

    public static void Write(SimWorld world, SimNode node, string path, string content, bool append)
    {
        var abs = Absolute(path);
        if (abs == "/dev/null")
        {
            return;
        }
        if (node.Files.TryGetValue(abs, out var f))
        {
            if (append)
            {
                f.Append(content); // a log line: neither reads nor copies the log
            }
            else
            {
                f.Content = content;
            }
            f.Modified = world.Clock;
            return;
        }
        AddDirectory(node, Parent(abs));
        node.Files[abs] = new SimFile { Content = content, Modified = world.Clock };
    }
}
