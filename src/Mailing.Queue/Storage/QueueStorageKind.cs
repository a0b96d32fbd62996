namespace Mailing.Queue.Storage;

/// <summary>The database the queue lives in.</summary>
internal enum QueueStorageKind
{
    /// <summary>A SQLite file: one machine, no server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: any number of machines.</summary>
    PostgreSql,
}
