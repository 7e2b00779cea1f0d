namespace ClAdmin.Store;

/// <summary>Why a store operation failed, for exit codes and messages.</summary>
public enum StoreErrorKind
{
    /// <summary>The file is not a SQLite database, or is one that ClAdmin did not create.</summary>
    NotClAdminDatabase,
    /// <summary>The file was written by a newer ClAdmin (its schema version is higher than this program knows).</summary>
    NewerSchema,
    /// <summary>Another process held the database for longer than the busy timeout.</summary>
    Busy,
    /// <summary>Optimistic concurrency: the document changed since it was loaded.</summary>
    Conflict,
    /// <summary>The database, its directory or its file system cannot be written (it can still be read).</summary>
    ReadOnly,
    /// <summary>The disk holding the database is full; nothing was changed.</summary>
    Full,
    /// <summary>The path cannot hold a database: a directory, a device, a damaged or unreadable file.</summary>
    Unusable,
}

/// <summary>A store failure a user can see and act on; the message names the file.</summary>
public sealed class StoreException(StoreErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public StoreErrorKind Kind { get; } = kind;

    /// <summary>The same command may work later, as it is (busy, disk full): cladmin exits 1;
    /// otherwise the user must change something (the file, the path): exit 2.</summary>
    public bool IsTransient => Kind is StoreErrorKind.Busy or StoreErrorKind.Full;
}
