using System.Data;
using System.Globalization;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Odm;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Store;

/// <summary>Which configuration: the default (DCD, what configuration commands edit) or the active one
/// (ACD, what running cluster services use; copied from the DCD at start or synchronisation).</summary>
public enum ConfigDirectory
{
    Default,
    Active,
}

/// <summary>A world document of the simulator with its version (optimistic concurrency).</summary>
public sealed record WorldDocument(string Name, long Version, string Json);

/// <summary>
/// The object repository: one SQLite file holding the ODM classes of the DCD and the ACD, and the
/// simulated world's state. WAL journal, a busy timeout, foreign keys on; every write is one
/// IMMEDIATE transaction, so a failed command leaves the file exactly as it was.
/// </summary>
public sealed class ObjectRepository : IDisposable
{
    /// <summary>PRAGMA application_id of a ClAdmin database ("ClAd").</summary>
    public const int ApplicationId = 0x436C4164;

    /// <summary>Forward migrations; index i moves the schema from version i to i+1.</summary>
    internal static readonly string[] Migrations =
    [
        """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version (version) VALUES (0);
        CREATE TABLE odm_object (
            id INTEGER PRIMARY KEY,
            directory TEXT NOT NULL CHECK (directory IN ('DCD', 'ACD')),
            class TEXT NOT NULL,
            seq INTEGER NOT NULL);
        CREATE INDEX odm_object_by_class ON odm_object (directory, class, seq);
        CREATE TABLE odm_attribute (
            object_id INTEGER NOT NULL REFERENCES odm_object (id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            is_number INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (object_id, ord));
        """,
        """
        CREATE TABLE world_state (
            name TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            document TEXT NOT NULL,
            updated_utc TEXT NOT NULL);
        """,
    ];

    public static int CurrentSchemaVersion => Migrations.Length;

    private readonly SqliteConnection _connection;

    public string Path { get; }

    private ObjectRepository(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>Opens (creating and migrating when needed) the database at <paramref name="path"/>.</summary>
    /// <exception cref="StoreException">not a ClAdmin database, a newer schema, or busy.</exception>
    public static ObjectRepository Open(string path, TimeSpan? busyTimeout = null) => Open(path, busyTimeout, CurrentSchemaVersion);

    internal static ObjectRepository Open(string path, TimeSpan? busyTimeout, int targetVersion)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString());
        var repo = new ObjectRepository(full, connection);
        try
        {
            connection.Open();
            repo.Exec($"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds}");
            repo.Guard(() => repo.Initialise(targetVersion));
            return repo;
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    private void Initialise(int targetVersion)
    {
        long appId;
        try
        {
            appId = Scalar<long>("PRAGMA application_id");
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26)
        {
            throw NotOurs(e);
        }
        var tables = Scalar<long>("SELECT count(*) FROM sqlite_master");
        if (appId != ApplicationId && !(appId == 0 && tables == 0))
        {
            throw NotOurs(null);
        }
        Exec("PRAGMA journal_mode = WAL");
        Exec("PRAGMA synchronous = FULL");
        Exec("PRAGMA foreign_keys = ON");
        var seen = tables == 0 ? 0 : (int)Scalar<long>("SELECT version FROM schema_version");
        if (seen > CurrentSchemaVersion)
        {
            throw new StoreException(StoreErrorKind.NewerSchema,
                $"{Path} has schema version {seen}, newer than this cladmin understands ({CurrentSchemaVersion}); use a newer cladmin");
        }
        if (seen >= targetVersion)
        {
            return;
        }
        using var tx = _connection.BeginTransaction(deferred: false);
        var created = Scalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'", tx) > 0;
        var version = created ? (int)Scalar<long>("SELECT version FROM schema_version", tx) : 0;
        if (version > CurrentSchemaVersion)
        {
            throw new StoreException(StoreErrorKind.NewerSchema,
                $"{Path} has schema version {version}, newer than this cladmin understands ({CurrentSchemaVersion}); use a newer cladmin");
        }
        if (!created)
        {
            Exec($"PRAGMA application_id = {ApplicationId}", tx);
        }
        for (var v = version; v < targetVersion; v++)
        {
            Exec(Migrations[v], tx);
            Exec($"UPDATE schema_version SET version = {v + 1}", tx);
        }
        tx.Commit();
    }

    private StoreException NotOurs(Exception? inner) =>
        new(StoreErrorKind.NotClAdminDatabase, $"{Path} is not a ClAdmin database (use --db to choose another file)", inner);

    public int SchemaVersion => (int)Scalar<long>("SELECT version FROM schema_version");

    /// <summary>The objects of one directory, optionally one class, in stored order.</summary>
    public IReadOnlyList<OdmObject> GetObjects(ConfigDirectory directory, string? objectClass = null) =>
        Guard(() => ReadObjects(directory, objectClass, null));

    /// <summary>The configuration a directory holds.</summary>
    /// <exception cref="InvalidDataException">the stored objects do not form a configuration.</exception>
    public ClusterConfiguration LoadConfiguration(ConfigDirectory directory) => Guard(() => ToConfiguration(ReadObjects(directory, null, null)));

    /// <summary>
    /// Reads the configuration, lets <paramref name="change"/> compute a new one, and writes it, all in one
    /// IMMEDIATE transaction. When the change returns no configuration nothing is written.
    /// </summary>
    public T Update<T>(ConfigDirectory directory, Func<ClusterConfiguration, (ClusterConfiguration? NewConfiguration, T Result)> change) => Guard(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        var (next, result) = change(ToConfiguration(ReadObjects(directory, null, tx)));
        if (next is not null)
        {
            WriteObjects(directory, OdmMapping.ToObjects(next), tx);
            tx.Commit();
        }
        return result;
    });

    /// <summary>
    /// Reads a directory's objects, lets <paramref name="change"/> compute the new list, and writes it,
    /// all in one IMMEDIATE transaction, so that no other writer can commit in between (no lost
    /// update). When the change returns null nothing is written.
    /// </summary>
    public T UpdateObjects<T>(ConfigDirectory directory, Func<IReadOnlyList<OdmObject>, (IReadOnlyList<OdmObject>? NewObjects, T Result)> change) => Guard(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        var (next, result) = change(ReadObjects(directory, null, tx));
        if (next is not null)
        {
            WriteObjects(directory, next, tx);
            tx.Commit();
        }
        return result;
    });

    /// <summary>Replaces every object of a directory, in one transaction.</summary>
    public void ReplaceObjects(ConfigDirectory directory, IReadOnlyList<OdmObject> objects) => Guard(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        WriteObjects(directory, objects, tx);
        tx.Commit();
        return 0;
    });

    /// <summary>Copies the DCD over the ACD (cluster start, synchronisation).</summary>
    public void ActivateDefault() => Guard(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        WriteObjects(ConfigDirectory.Active, ReadObjects(ConfigDirectory.Default, null, tx), tx);
        tx.Commit();
        return 0;
    });

    /// <summary>The world document named <paramref name="name"/>, or null.</summary>
    public WorldDocument? LoadWorld(string name) => Guard(() =>
    {
        using var cmd = Command("SELECT version, document FROM world_state WHERE name = $n");
        cmd.Parameters.AddWithValue("$n", name);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new WorldDocument(name, r.GetInt64(0), r.GetString(1)) : null;
    });

    /// <summary>Saves a world document if its stored version is still <paramref name="expectedVersion"/>
    /// (0 = it must not exist yet); returns the new version.</summary>
    /// <exception cref="StoreException">Conflict when the version changed underneath; Busy when locked too long.</exception>
    public long SaveWorld(string name, string json, long expectedVersion) => Guard(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        using var get = Command("SELECT version FROM world_state WHERE name = $n", tx);
        get.Parameters.AddWithValue("$n", name);
        var current = get.ExecuteScalar() is long v ? v : 0;
        if (current != expectedVersion)
        {
            throw new StoreException(StoreErrorKind.Conflict,
                $"world \"{name}\" changed underneath: expected version {expectedVersion}, found {current}; load it again and retry");
        }
        using var put = Command("""
            INSERT INTO world_state (name, version, document, updated_utc) VALUES ($n, $v, $d, $t)
            ON CONFLICT (name) DO UPDATE SET version = $v, document = $d, updated_utc = $t
            """, tx);
        put.Parameters.AddWithValue("$n", name);
        put.Parameters.AddWithValue("$v", current + 1);
        put.Parameters.AddWithValue("$d", json);
        put.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        put.ExecuteNonQuery();
        tx.Commit();
        return current + 1;
    });

    /// <summary>PRAGMA integrity_check's answer ("ok" when sound).</summary>
    public string IntegrityCheck() => Guard(() => Scalar<string>("PRAGMA integrity_check"));

    public static ClusterConfiguration ToConfiguration(IReadOnlyList<OdmObject> objects)
    {
        var (config, errors) = OdmMapping.FromObjects(objects);
        return config ?? throw new InvalidDataException(string.Join("; ", errors));
    }

    private List<OdmObject> ReadObjects(ConfigDirectory directory, string? objectClass, SqliteTransaction? tx)
    {
        using var cmd = Command("""
            SELECT o.id, o.class, a.name, a.value, a.is_number
            FROM odm_object o LEFT JOIN odm_attribute a ON a.object_id = o.id
            WHERE o.directory = $d AND ($c IS NULL OR o.class = $c)
            ORDER BY o.seq, a.ord
            """, tx);
        cmd.Parameters.AddWithValue("$d", Dir(directory));
        cmd.Parameters.AddWithValue("$c", (object?)objectClass ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var result = new List<OdmObject>();
        long lastId = -1;
        List<OdmAttribute>? attrs = null;
        while (r.Read())
        {
            var id = r.GetInt64(0);
            if (id != lastId)
            {
                attrs = [];
                result.Add(new OdmObject(r.GetString(1), attrs));
                lastId = id;
            }
            if (!r.IsDBNull(2))
            {
                attrs!.Add(new OdmAttribute(r.GetString(2), r.GetString(3), r.GetInt64(4) != 0));
            }
        }
        return result;
    }

    private void WriteObjects(ConfigDirectory directory, IReadOnlyList<OdmObject> objects, SqliteTransaction tx)
    {
        using (var del = Command("DELETE FROM odm_object WHERE directory = $d", tx))
        {
            del.Parameters.AddWithValue("$d", Dir(directory));
            del.ExecuteNonQuery();
        }
        using var obj = Command("INSERT INTO odm_object (directory, class, seq) VALUES ($d, $c, $s) RETURNING id", tx);
        var pd = obj.Parameters.Add("$d", SqliteType.Text);
        var pc = obj.Parameters.Add("$c", SqliteType.Text);
        var ps = obj.Parameters.Add("$s", SqliteType.Integer);
        using var attr = Command("INSERT INTO odm_attribute (object_id, ord, name, value, is_number) VALUES ($o, $i, $n, $v, $b)", tx);
        var ao = attr.Parameters.Add("$o", SqliteType.Integer);
        var ai = attr.Parameters.Add("$i", SqliteType.Integer);
        var an = attr.Parameters.Add("$n", SqliteType.Text);
        var av = attr.Parameters.Add("$v", SqliteType.Text);
        var ab = attr.Parameters.Add("$b", SqliteType.Integer);
        obj.Prepare();
        attr.Prepare();
        pd.Value = Dir(directory);
        for (var i = 0; i < objects.Count; i++)
        {
            pc.Value = objects[i].Class;
            ps.Value = i;
            var id = (long)obj.ExecuteScalar()!;
            var list = objects[i].Attributes;
            for (var j = 0; j < list.Count; j++)
            {
                ao.Value = id;
                ai.Value = j;
                an.Value = list[j].Name;
                av.Value = list[j].Value;
                ab.Value = list[j].IsNumber ? 1 : 0;
                attr.ExecuteNonQuery();
            }
        }
    }

    private static string Dir(ConfigDirectory d) => d == ConfigDirectory.Default ? "DCD" : "ACD";

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private void Exec(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        cmd.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        return (T)cmd.ExecuteScalar()!;
    }

    /// <summary>Turns SQLite's busy/locked and not-a-database codes into clear store errors.</summary>
    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            throw new StoreException(StoreErrorKind.Busy, $"{Path} is busy: another cladmin is writing to it; try again", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26)
        {
            throw NotOurs(e);
        }
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    public void Dispose() => _connection.Dispose();
}
