using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// What the end-to-end tests of the real program share: a directory of their own holding the
/// database (c.db), cladmin.log, cladmin.script and cspoc.log, and cladmin run on them.
/// </summary>
public abstract class CladminCliTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-cli-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A file of the test's directory.</summary>
    protected string P(string name) => Path.Combine(_dir.FullName, name);

    /// <summary>cladmin with <c>--db</c>, <c>--log</c> and <c>--script</c> in the test's directory, then <paramref name="args"/>.</summary>
    protected ProcessResult Cladmin(params string[] args) => Cladmin(new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Cladmin(string[])"/>, with <paramref name="environment"/> added.</summary>
    protected ProcessResult Cladmin(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var env = new Dictionary<string, string>(environment) { ["CLADMIN_CSPOC_LOG"] = P("cspoc.log") };
        return CladminProcess.Run(["--db", P("c.db"), "--log", P("cladmin.log"), "--script", P("cladmin.script"), .. args], null, env);
    }
}
