using System.Diagnostics;
using ClAdmin.Store;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

public sealed class OdmCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-odm-").FullName;

    private string Db => Path.Combine(_dir, "cladmin.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string NodeStanza(string name) =>
        $"\nHACMPnode:\n\tname = \"{name}\"\n\tobject = \"COMMUNICATION_PATH\"\n\tvalue = \"{name}\"\n\tnode_id = 1\n\tnode_handle = 1\n\tversion = 10\n";

    // No cluster limit on files in a collection: the many-object tests below use them (nodes stop at 32).
    private static string FileStanza(string name) => $"\nHACMPfcfile:\n\tcollection = \"fc1\"\n\tfile = \"{name}\"\n";

    [Fact]
    public void Odm_add_refuses_an_unknown_descriptor_naming_file_line_and_stanza_and_adds_nothing()
    {
        var file = Path.Combine(_dir, "bad.add");
        File.WriteAllText(file, NodeStanza("n1") + "\nHACMPnode:\n\tname = \"n2\"\n\tnode_id = 2x\n");
        var r = CladminProcess.Run("--db", Db, "odm", "add", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"{file}: line 12: HACMPnode stanza at line 10: node_id = \"2x\" is not a number\n", r.Stderr);
        Assert.Equal("", CladminProcess.Run("--db", Db, "odm", "get", "HACMPnode").Stdout);
    }

    [Fact]
    public void Odm_add_then_get_with_criteria()
    {
        var file = Path.Combine(_dir, "nodes.add");
        File.WriteAllText(file, NodeStanza("n1") + NodeStanza("n2"));
        Assert.Equal(0, CladminProcess.Run("--db", Db, "odm", "add", file).ExitCode);
        var r = CladminProcess.Run("--db", Db, "odm", "get", "HACMPnode", "-q", "name=n2");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(NodeStanza("n2"), r.Stdout);
    }

    [Fact]
    public void Odmadd_and_odmget_are_commands_of_the_dispatcher_with_odmdir_choosing_the_configuration()
    {
        var file = Path.Combine(_dir, "nodes.add");
        File.WriteAllText(file, NodeStanza("n1"));
        Assert.Equal(0, CladminProcess.Run("--db", Db, "odm", "add", file).ExitCode);

        var dcd = CladminProcess.Run("--db", Db, "--transport", "local", "cmd", "--", "odmget", "-q", "name=n1", "HACMPnode");
        Assert.Equal(0, dcd.ExitCode);
        Assert.Equal(NodeStanza("n1"), dcd.Stdout);
        // The active configuration is written only by synchronization: n1 is not there, and odmadd refuses it.
        var acd = CladminProcess.Run("--db", Db, "--transport", "local", "cmd", "--", "ODMDIR=/usr/es/sbin/cluster/etc/objrepos/active", "odmget", "-q", "name=n1", "HACMPnode");
        Assert.Equal(0, acd.ExitCode);
        Assert.Equal("", acd.Stdout);
        var refused = CladminProcess.Run("--db", Db, "--transport", "local", "cmd", "--", "ODMDIR=/usr/es/sbin/cluster/etc/objrepos/active", "odmadd", file);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("odmadd: the active configuration (ACD) changes only when the cluster is synchronized", refused.Stderr);
    }

    [Fact]
    public void Odm_add_of_a_file_that_cannot_be_read_names_it()
    {
        var missing = Path.Combine(_dir, "missing.add");
        var r = CladminProcess.Run("--db", Db, "odm", "add", missing);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"odmadd: cannot read {missing}", r.Stderr);
    }

    [Fact]
    public void Odm_add_of_a_device_or_a_fifo_is_refused_before_it_is_read()
    {
        var zero = CladminProcess.Run("--db", Db, "odm", "add", "/dev/zero");
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("odmadd: cannot read /dev/zero: not a regular file (a character device)", zero.Stderr);
        var fifo = Path.Combine(_dir, "pipe.add");
        using (var mkfifo = Process.Start("mkfifo", [fifo])!)
        {
            mkfifo.WaitForExit();
        }
        var r = CladminProcess.Run("--db", Db, "odm", "add", fifo);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a regular file (a FIFO)", r.Stderr);
    }

    [Fact]
    public void A_loop_of_symbolic_links_as_the_database_is_a_usage_error_naming_it()
    {
        var a = Path.Combine(_dir, "loop-a.db");
        var b = Path.Combine(_dir, "loop-b.db");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        var r = CladminProcess.Run("--db", a, "odm", "get", "HACMPnode");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{a} cannot be followed to a database file", r.Stderr);
    }

    [Fact]
    public void Odm_get_of_an_unknown_class_is_a_usage_error() =>
        Assert.Equal(2, CladminProcess.Run("--db", Db, "odm", "get", "HACMPbogus").ExitCode);

    [Fact]
    public void Cladmin_db_environment_variable_chooses_the_file()
    {
        var file = Path.Combine(_dir, "n.add");
        File.WriteAllText(file, NodeStanza("envnode"));
        var env = new Dictionary<string, string> { ["CLADMIN_DB"] = Db };
        Assert.Equal(0, CladminProcess.Run(["odm", "add", file], null, env).ExitCode);
        Assert.Contains("envnode", CladminProcess.Run("--db", Db, "odm", "get", "HACMPnode").Stdout);
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_a_clear_message()
    {
        File.WriteAllText(Db, new string('x', 200));
        var r = CladminProcess.Run("--db", Db, "odm", "get", "HACMPnode");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is not a ClAdmin database", r.Stderr);
    }

    [Fact]
    public void Killing_a_writer_with_sigkill_loses_nothing_committed()
    {
        var files = Enumerable.Range(1, 200).Select(i =>
        {
            var f = Path.Combine(_dir, $"n{i}.add");
            File.WriteAllText(f, FileStanza($"node{i}"));
            return f;
        }).ToList();
        var script = string.Join('\n', files.Select(f => $"{CladminProcess.ShellCommand} --db '{Db}' odm add '{f}' && echo '{Path.GetFileNameWithoutExtension(f)}'"));
        var info = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var writer = Process.Start(info)!;
        var committed = new List<string>();
        while (committed.Count < 4 && writer.StandardOutput.ReadLine() is { } line)
        {
            committed.Add(line);
        }
        Thread.Sleep(Random.Shared.Next(20, 120));
        writer.Kill(entireProcessTree: true);
        writer.WaitForExit();
        committed.AddRange(writer.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));

        using var repo = ObjectRepository.Open(Db);
        Assert.Equal("ok", repo.IntegrityCheck());
        var stored = repo.GetObjects(ConfigDirectory.Default, "HACMPfcfile").Select(o => o.Get("file")).ToHashSet();
        Assert.True(committed.Count >= 4);
        Assert.All(committed, c => Assert.Contains("node" + c[1..], stored));
    }

    [Fact]
    public void Two_cladmin_processes_writing_at_once_both_end_correctly_or_one_is_told_busy()
    {
        // Create the file first, so that both writers race on writes rather than on creation.
        var seed = Path.Combine(_dir, "seed.add");
        File.WriteAllText(seed, NodeStanza("seed"));
        Assert.Equal(0, CladminProcess.Run("--db", Db, "odm", "add", seed).ExitCode);
        string Batch(string prefix)
        {
            var f = Path.Combine(_dir, prefix + ".add");
            File.WriteAllText(f, string.Concat(Enumerable.Range(1, 150).Select(i => FileStanza($"{prefix}{i}"))));
            return f;
        }
        var a = Batch("a");
        var b = Batch("b");
        var results = new[] { a, b }.AsParallel().WithDegreeOfParallelism(2)
            .Select(f => (File: f, Result: CladminProcess.Run("--db", Db, "odm", "add", f))).ToList();

        using var repo = ObjectRepository.Open(Db);
        Assert.Equal("ok", repo.IntegrityCheck());
        var stored = repo.GetObjects(ConfigDirectory.Default, "HACMPfcfile").Select(o => o.Get("file")).ToHashSet();
        foreach (var (file, result) in results)
        {
            var prefix = Path.GetFileNameWithoutExtension(file);
            var mine = Enumerable.Range(1, 150).Select(i => $"{prefix}{i}").ToList();
            if (result.ExitCode == 0)
            {
                Assert.All(mine, n => Assert.Contains(n, stored));
            }
            else
            {
                // The loser must say the database was busy, and must have written nothing.
                Assert.Contains("busy", result.Stderr, StringComparison.OrdinalIgnoreCase);
                Assert.All(mine, n => Assert.DoesNotContain(n, stored));
            }
        }
        Assert.Contains(results, r => r.Result.ExitCode == 0);
    }
}
