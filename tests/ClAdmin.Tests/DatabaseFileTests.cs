using System.Diagnostics;
using System.Runtime.Versioning;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>The database file through the real program: first use by several processes at once, and
/// files that cannot be written.</summary>
[SupportedOSPlatform("linux")]
public sealed class DatabaseFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-dbfile-").FullName;

    private string Db => Path.Combine(_dir, "cladmin.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string NodeStanza(string name) =>
        $"\nHACMPnode:\n\tname = \"{name}\"\n\tobject = \"COMMUNICATION_PATH\"\n\tvalue = \"{name}\"\n\tnode_id = 1\n\tnode_handle = 1\n\tversion = 10\n";

    [Fact]
    public void Eight_processes_using_a_fresh_database_at_once_all_succeed()
    {
        for (var round = 0; round < 3; round++)
        {
            var db = Path.Combine(_dir, $"fresh{round}.db");
            var env = new Dictionary<string, string> { ["CLADMIN_DB"] = db };
            var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
                .Select(_ => CladminProcess.Run(["odm", "get", "HACMPnode"], null, env)).ToList();
            Assert.All(results, r => Assert.True(r.ExitCode == 0, $"round {round}: exit {r.ExitCode}: {r.Stderr}"));
        }
    }

    [Fact]
    public void A_directory_as_the_database_is_a_usage_error_naming_it()
    {
        var r = CladminProcess.Run("--db", _dir, "odm", "get", "HACMPnode");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"cladmin: {_dir} is a directory; --db and CLADMIN_DB name a database file, such as {_dir}/cladmin.db\n", r.Stderr);
    }

    /// <summary>Another user's database, readable but not writable (0644 in a directory anyone may
    /// write, as /tmp): reads work and leave no -wal or -shm owned by the reader; writes are refused
    /// with exit 2. As root the program runs as nobody; otherwise the file is made read-only.</summary>
    [Fact]
    public void Another_users_database_can_be_read_but_not_written()
    {
        var add = Path.Combine(_dir, "n.add");
        File.WriteAllText(add, NodeStanza("n1"));
        Assert.Equal(0, CladminProcess.Run("--db", Db, "odm", "add", add).ExitCode);
        File.SetUnixFileMode(_dir, (UnixFileMode)0x1FF); // 0777
        File.SetUnixFileMode(Db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead | (Environment.IsPrivilegedProcess ? UnixFileMode.UserWrite : 0));
        File.SetUnixFileMode(add, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var get = RunAsOtherUser("--db", Db, "odm", "get", "HACMPnode");
        Assert.Equal(0, get.ExitCode);
        Assert.Equal(NodeStanza("n1"), get.Stdout);
        Assert.Equal(["cladmin.db", "n.add"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order());

        var write = RunAsOtherUser("--db", Db, "odm", "add", add);
        Assert.Equal(2, write.ExitCode);
        Assert.StartsWith($"cladmin: {Db} cannot be written (a read-only file, directory or file system), so nothing was changed;", write.Stderr);
        Assert.DoesNotContain("internal error", write.Stderr);
    }

    private ProcessResult RunAsOtherUser(params string[] args)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return CladminProcess.Run(args);
        }
        var inner = CladminProcess.StartInfo(args);
        // The checkout may sit where nobody cannot reach (a 0700 temporary directory): run a copy of
        // the program (the native binary, or the dll's directory under dotnet) from the test's directory.
        var native = Path.GetFileName(inner.FileName) != "dotnet";
        var shipped = native ? Path.GetDirectoryName(inner.FileName)! : Path.GetDirectoryName(inner.ArgumentList[0])!;
        var copy = Path.Combine(_dir, "program");
        CopyDirectory(shipped, copy);
        var program = native ? Path.Combine(copy, Path.GetFileName(inner.FileName)) : inner.FileName;
        if (!native)
        {
            inner.ArgumentList[0] = Path.Combine(copy, Path.GetFileName(inner.ArgumentList[0]));
        }
        var info = new ProcessStartInfo("setpriv")
        {
            ArgumentList = { "--reuid=65534", "--regid=65534", "--clear-groups", program },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in inner.ArgumentList)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in inner.Environment)
        {
            info.Environment[k] = v;
        }
        info.Environment["HOME"] = _dir; // nobody's state directory and dotnet's first-run files
        info.Environment["DOTNET_CLI_HOME"] = _dir;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static void CopyDirectory(string from, string to)
    {
        if (Directory.Exists(to))
        {
            return;
        }
        Directory.CreateDirectory(to);
        File.SetUnixFileMode(to, (UnixFileMode)0x1ED); // 0755
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
