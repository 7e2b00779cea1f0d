using System.Data;
using System.Globalization;
using System.Text;
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

/// <summary>Changes to a world's files kept apart from its document: whole contents written
/// (<paramref name="Put"/>), text appended to a stored content (<paramref name="Append"/>), and every
/// file the world still has (<paramref name="Keep"/>: the other rows are deleted).</summary>
public sealed record WorldFileChanges(
    IReadOnlyList<(string Node, string Path, string Content)> Put,
    IReadOnlyList<(string Node, string Path, string Text)> Append,
    IReadOnlySet<(string Node, string Path)> Keep);

/// <summary>
/// The object repository: one SQLite file holding the ODM classes of the DCD and the ACD, and the
/// simulated world's state. WAL journal, a busy timeout, foreign keys on; every write is one
/// IMMEDIATE transaction, so a failed command leaves the file exactly as it was.
/// </summary>
/// <remarks>synchronous=NORMAL: a commit is in the WAL without waiting for the disk (an fsync at each
/// checkpoint only), so a commit survives the process's crash but the last ones may be lost with the
/// machine's (power, kernel); the database is never left damaged or half-written either way.</remarks>
public sealed partial class ObjectRepository : IDisposable
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
        """
        CREATE TABLE discovery_node (
            node TEXT PRIMARY KEY,
            discovered_utc TEXT NOT NULL);
        CREATE TABLE discovered_interface (
            node TEXT NOT NULL REFERENCES discovery_node (node) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            device TEXT NOT NULL,
            address TEXT NOT NULL,
            netmask TEXT NOT NULL,
            PRIMARY KEY (node, ord));
        CREATE TABLE discovered_host (
            node TEXT NOT NULL REFERENCES discovery_node (node) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            address TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (node, ord));
        CREATE TABLE discovered_pv (
            node TEXT NOT NULL REFERENCES discovery_node (node) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            hdisk TEXT NOT NULL,
            pvid TEXT NOT NULL,
            volume_group TEXT NOT NULL,
            PRIMARY KEY (node, ord));
        CREATE TABLE discovered_vg (
            node TEXT NOT NULL REFERENCES discovery_node (node) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            name TEXT NOT NULL,
            pp_size INTEGER NOT NULL,
            major INTEGER NOT NULL,
            concurrent INTEGER NOT NULL,
            active INTEGER NOT NULL,
            PRIMARY KEY (node, ord));
        """,
        """
        CREATE TABLE world_file (
            world TEXT NOT NULL,
            node TEXT NOT NULL,
            path TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (world, node, path));
        """,
        // A file's content in parts, in order: text appended to a log is a new part, so a save writes
        // what was appended, not the whole log again. Writing the file whole leaves one part.
        """
        CREATE TABLE world_file_part (
            world TEXT NOT NULL,
            node TEXT NOT NULL,
            path TEXT NOT NULL,
            part INTEGER NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (world, node, path, part));
        INSERT INTO world_file_part (world, node, path, part, content) SELECT world, node, path, 0, content FROM world_file;
        DROP TABLE world_file;
        ALTER TABLE world_file_part RENAME TO world_file;
        """,
    ];

    public static int CurrentSchemaVersion => Migrations.Length;

    private readonly SqliteConnection _connection;
    private readonly TimeSpan _busyTimeout;

    public string Path { get; }

    private ObjectRepository(string path, SqliteConnection connection, TimeSpan busyTimeout)
    {
        Path = path;
        _connection = connection;
        _busyTimeout = busyTimeout;
    }

    /// <summary>Opens (creating and migrating when needed) the database at <paramref name="path"/>. A file
    /// this process cannot write (its permissions, its directory's, or a read-only file system) is
    /// opened for reading only, leaving no -wal or -shm file behind; a write to it is then refused.</summary>
    /// <exception cref="StoreException">not a ClAdmin database, a newer schema, busy, read-only,
    /// a full disk, or a path that cannot hold a database.</exception>
    public static ObjectRepository Open(string path, TimeSpan? busyTimeout = null) => Open(path, busyTimeout, CurrentSchemaVersion);

    internal static ObjectRepository Open(string path, TimeSpan? busyTimeout, int targetVersion)
    {
        var full = System.IO.Path.GetFullPath(path);
        RefuseNonFiles(full);
        var exists = File.Exists(full);
        if (!exists && System.IO.Path.GetDirectoryName(full) is { } dir)
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreException(StoreErrorKind.ReadOnly, $"{full} cannot be created: its directory {dir} cannot be made ({e.Message}); use --db to choose another file", e);
            }
        }
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        var repo = Connect(full, timeout, readOnly: false);
        try
        {
            try
            {
                repo._connection.Open();
                if (exists && SQLitePCL.raw.sqlite3_db_readonly(repo._connection.Handle, "main") == 1)
                {
                    repo.Dispose();
                    return OpenReadOnly(full, timeout, targetVersion);
                }
                repo.Initialise(targetVersion);
                return repo;
            }
            catch (SqliteException e) when (exists && e.SqliteErrorCode is 8 or 14)
            {
                // The directory cannot take the -wal and -shm files: read without writing anything.
                repo.Dispose();
                return OpenReadOnly(full, timeout, targetVersion);
            }
            catch (SqliteException e) when (!exists && e.SqliteErrorCode is 8 or 14)
            {
                throw new StoreException(StoreErrorKind.ReadOnly,
                    $"{full} cannot be created: its directory cannot be written; use --db to choose another file", e);
            }
            catch (SqliteException e) when (ToStoreException(full, e) is { } clear)
            {
                throw clear;
            }
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    private static ObjectRepository OpenReadOnly(string full, TimeSpan timeout, int targetVersion)
    {
        var repo = Connect(full, timeout, readOnly: true);
        try
        {
            repo.Guard(() =>
            {
                repo._connection.Open();
                repo.Initialise(targetVersion);
            });
            return repo;
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    /// <summary>Whether this connection only reads (the file cannot be written here).</summary>
    public bool IsReadOnly { get; private init; }

    private static ObjectRepository Connect(string full, TimeSpan timeout, bool readOnly)
    {
        // Read-only: "immutable" when no writer has a -wal file open, so that SQLite creates no -wal or
        // -shm file (they would stay behind, owned by this user); otherwise read through the writer's.
        var immutable = readOnly && !File.Exists(full + "-wal");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? "file:" + UriPath(full) + "?immutable=1" : full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString());
        var repo = new ObjectRepository(full, connection, timeout) { IsReadOnly = readOnly };
        return repo;
    }

    /// <summary>A path as a file: URI path, every byte but unreserved ones and '/' percent-encoded.</summary>
    private static string UriPath(string full)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(full))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    /// <summary>A directory or a device (/dev/null) cannot hold the database: say so before SQLite
    /// reads it as an empty database or writes -wal files next to it.</summary>
    private static void RefuseNonFiles(string full)
    {
        if (Directory.Exists(full))
        {
            throw new StoreException(StoreErrorKind.Unusable,
                $"{full} is a directory; --db and CLADMIN_DB name a database file, such as {System.IO.Path.Combine(full, "cladmin.db")}");
        }
        string target;
        try
        {
            target = File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full : full;
        }
        catch (IOException e)
        {
            // A loop of symbolic links, or one too deep to follow.
            throw new StoreException(StoreErrorKind.Unusable, $"{full} cannot be followed to a database file ({e.Message}); use --db to choose a file");
        }
        if (target.StartsWith("/dev/", StringComparison.Ordinal) && !target.StartsWith("/dev/shm/", StringComparison.Ordinal))
        {
            throw new StoreException(StoreErrorKind.Unusable, $"{full} is a device, not a database file; use --db to choose a file");
        }
    }

    private void Initialise(int targetVersion)
    {
        Exec($"PRAGMA busy_timeout = {(int)_busyTimeout.TotalMilliseconds}");
        long appId;
        long tables;
        int seen;
        try
        {
            // One read transaction: another process creating the file cannot commit between the reads.
            using var read = _connection.BeginTransaction(deferred: true);
            appId = Scalar<long>("PRAGMA application_id", read);
            tables = Scalar<long>("SELECT count(*) FROM sqlite_master", read);
            seen = appId == ApplicationId && Scalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'", read) > 0
                ? (int)Scalar<long>("SELECT version FROM schema_version", read) : 0;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26)
        {
            throw NotOurs(e);
        }
        if (appId != ApplicationId && !(appId == 0 && tables == 0))
        {
            throw NotOurs(null);
        }
        if (seen > CurrentSchemaVersion)
        {
            throw new StoreException(StoreErrorKind.NewerSchema,
                $"{Path} has schema version {seen}, newer than this cladmin understands ({CurrentSchemaVersion}); use a newer cladmin");
        }
        if (IsReadOnly)
        {
            Exec("PRAGMA foreign_keys = ON");
            if (seen < targetVersion)
            {
                throw new StoreException(StoreErrorKind.ReadOnly, seen == 0
                    ? $"{Path} is empty and cannot be written here, so cladmin cannot create its database in it; make it writable, or use --db to choose another file"
                    : $"{Path} needs upgrading to schema version {targetVersion} but cannot be written here; open it once as a user who can write it");
            }
            return;
        }
        Exec("PRAGMA journal_mode = WAL");
        Exec("PRAGMA synchronous = NORMAL");
        Exec("PRAGMA foreign_keys = ON");
        if (seen >= targetVersion)
        {
            return;
        }
        using var tx = _connection.BeginTransaction(deferred: false);
        appId = Scalar<long>("PRAGMA application_id", tx);
        var created = Scalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'", tx) > 0;
        if (appId != ApplicationId && !(appId == 0 && Scalar<long>("SELECT count(*) FROM sqlite_master", tx) == 0))
        {
            throw NotOurs(null);
        }
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

    private StoreException NotOurs(Exception? inner) => NotOurs(Path, inner);

    private static StoreException NotOurs(string path, Exception? inner) =>
        new(StoreErrorKind.NotClAdminDatabase, $"{path} is not a ClAdmin database (use --db to choose another file)", inner);

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

    /// <summary>The stored version of world <paramref name="name"/> (null when none is stored), without its document:
    /// a long session checks it before each command, to read the world again when another process saved it.</summary>
    public long? WorldVersion(string name) => Guard(() =>
    {
        using var cmd = Command("SELECT version FROM world_state WHERE name = $n");
        cmd.Parameters.AddWithValue("$n", name);
        return cmd.ExecuteScalar() is long version ? version : (long?)null;
    });

    /// <summary>Saves a world document if its stored version is still <paramref name="expectedVersion"/>
    /// (0 = it must not exist yet); returns the new version.</summary>
    /// <exception cref="StoreException">Conflict when the version changed underneath; Busy when locked too long.</exception>
    public long SaveWorld(string name, string json, long expectedVersion) => SaveWorld(name, json, expectedVersion, null);

    /// <summary>As <see cref="SaveWorld(string, string, long)"/>, with the changes to the world's files kept
    /// apart (world_file), in the same transaction: nothing is written on a conflict. With
    /// <paramref name="files"/>, the rows it does not keep are deleted.</summary>
    public long SaveWorld(string name, string json, long expectedVersion, WorldFileChanges? files) => Guard(() =>
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
        if (files is not null)
        {
            WriteWorldFiles(name, files, tx);
        }
        tx.Commit();
        return current + 1;
    });

    /// <summary>The content of a world's file kept apart (null when there is none) as the world's save
    /// <paramref name="version"/> left it: read in one statement with the world's version, so that a
    /// newer save never hands out its content to a run that loaded an older one.</summary>
    /// <exception cref="StoreException">Conflict when the world is no longer at <paramref name="version"/>.</exception>
    public string? LoadWorldFile(string world, string node, string path, long version) => Guard(() =>
    {
        using var cmd = Command("""
            SELECT s.version, f.content FROM world_state s
            LEFT JOIN world_file f ON f.world = s.name AND f.node = $n AND f.path = $p
            WHERE s.name = $w
            ORDER BY f.part
            """);
        cmd.Parameters.AddWithValue("$w", world);
        cmd.Parameters.AddWithValue("$n", node);
        cmd.Parameters.AddWithValue("$p", path);
        using var r = cmd.ExecuteReader();
        var found = r.Read() ? r.GetInt64(0) : 0;
        if (found != version)
        {
            throw new StoreException(StoreErrorKind.Conflict,
                $"world \"{world}\" changed underneath: {node}:{path} read at version {found}, the world was loaded at {version}; load it again");
        }
        if (r.IsDBNull(1))
        {
            return null;
        }
        var first = r.GetString(1);
        if (!r.Read())
        {
            return first;
        }
        var content = new StringBuilder(first);
        do
        {
            content.Append(r.GetString(1));
        }
        while (r.Read());
        return content.ToString();
    });

    private void WriteWorldFiles(string world, WorldFileChanges files, SqliteTransaction tx)
    {
        var stale = new List<(string Node, string Path)>();
        using (var keys = Command("SELECT DISTINCT node, path FROM world_file WHERE world = $w", tx))
        {
            keys.Parameters.AddWithValue("$w", world);
            using var r = keys.ExecuteReader();
            while (r.Read())
            {
                if (!files.Keep.Contains((r.GetString(0), r.GetString(1))))
                {
                    stale.Add((r.GetString(0), r.GetString(1)));
                }
            }
        }
        using var delete = Command("DELETE FROM world_file WHERE world = $w AND node = $n AND path = $p", tx);
        using var put = Command("INSERT INTO world_file (world, node, path, part, content) VALUES ($w, $n, $p, 0, $c)", tx);
        // Appended text is the file's next part: the parts before it are neither read nor written.
        using var append = Command("""
            INSERT INTO world_file (world, node, path, part, content)
            SELECT $w, $n, $p, coalesce(max(part) + 1, 0), $c FROM world_file WHERE world = $w AND node = $n AND path = $p
            """, tx);
        foreach (var (node, path) in stale)
        {
            Run(delete, node, path, null);
        }
        foreach (var (node, path, content) in files.Put)
        {
            Run(delete, node, path, null);
            Run(put, node, path, content);
        }
        foreach (var (node, path, text) in files.Append)
        {
            Run(append, node, path, text);
        }

        void Run(SqliteCommand cmd, string node, string path, string? content)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$w", world);
            cmd.Parameters.AddWithValue("$n", node);
            cmd.Parameters.AddWithValue("$p", path);
            if (content is not null)
            {
                cmd.Parameters.AddWithValue("$c", content);
            }
            cmd.ExecuteNonQuery();
        }
    }

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
    /// <summary>Runs a store operation, turning SQLite failures into store errors; each is an
    /// event of the diagnostic log (its name, outcome and duration).</summary>
    private T Guard<T>(Func<T> action, [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var result = action();
            Serilog.Log.Information("store {Operation}: ok in {DurationMs:0.0} ms", operation, clock.Elapsed.TotalMilliseconds);
            return result;
        }
        catch (Exception e) when (Failed(operation, e, clock))
        {
            throw; // never: Failed only logs
        }
        catch (SqliteException e) when (IsReadOnly && e.SqliteErrorCode == 11)
        {
            // Read without a lock (immutable: this user cannot write the file), a database that a
            // writer changes meanwhile reads as corrupt: it is most likely whole; do not advise moving it away.
            throw new StoreException(StoreErrorKind.Busy, $"{Path} changed while it was read (another user is writing to it); try again", e);
        }
        catch (SqliteException e) when (ToStoreException(Path, e) is { } clear)
        {
            throw clear;
        }
    }

    /// <summary>The store error a SQLite failure on <paramref name="path"/> means to the user, or null
    /// when it is none of those a user can act on.</summary>
    internal static StoreException? ToStoreException(string path, SqliteException e) => (e.SqliteErrorCode, e.SqliteExtendedErrorCode) switch
    {
        // SQLITE_FULL, or SQLITE_IOERR_SHMSIZE: the -shm file could not grow (a full tmpfs says so).
        (13, _) or (10, 10 | (19 << 8)) =>
            new StoreException(StoreErrorKind.Full, $"{path}: the disk is full, so nothing was changed; free some space and try again", e),
        (5 or 6, _) => new StoreException(StoreErrorKind.Busy, $"{path} is busy: another cladmin is writing to it; try again", e),
        (26, _) => NotOurs(path, e),
        (8, _) => new StoreException(StoreErrorKind.ReadOnly,
            $"{path} cannot be written (a read-only file, directory or file system), so nothing was changed; make it writable, or use --db to choose another file", e),
        (11, _) => new StoreException(StoreErrorKind.Unusable,
            $"{path} is damaged (truncated or overwritten: {e.Message}); move it away (cladmin then creates a new one) or put back a copy", e),
        (10 or 14 or 23, _) => new StoreException(StoreErrorKind.Unusable,
            $"{path} cannot be opened or read ({e.Message}); check the permissions of the file and its directory, or use --db to choose another file", e),
        _ => null,
    };

    private void Guard(Action action, [System.Runtime.CompilerServices.CallerMemberName] string operation = "") => Guard(() =>
    {
        action();
        return 0;
    }, operation);

    private static bool Failed(string operation, Exception e, System.Diagnostics.Stopwatch clock)
    {
        Serilog.Log.Warning("store {Operation}: {Error} after {DurationMs:0.0} ms", operation, e.GetType().Name, clock.Elapsed.TotalMilliseconds);
        return false;
    }

    public void Dispose() => _connection.Dispose();
}
