namespace Mailing.Queue.Storage;

/// <summary>The storage <see cref="MailQueueOptions.Storage"/> names: a SQLite file or a PostgreSQL database.</summary>
internal sealed record QueueStorage(QueueStorageKind Kind, string ConnectionString)
{
    private const string SqliteScheme = "sqlite://";

    /// <summary>Reads <c>sqlite://PATH</c> or a PostgreSQL connection string.</summary>
    /// <returns><see langword="false"/> with a message that names the key and the fix when the text is neither.</returns>
    public static bool TryParse(string? text, string key, out QueueStorage? storage, out string? error)
    {
        storage = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"{key} is missing: set it to sqlite://mail-queue.db (one machine) or to a PostgreSQL connection string such as \"Host=db;Database=shop;Username=app;Password=...\" (several machines).";
            return false;
        }

        if (text.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            var path = text[SqliteScheme.Length..];
            if (path.Length == 0 || path.Contains(';', StringComparison.Ordinal))
            {
                error = $"{key} \"{text}\" names no SQLite file: write sqlite://mail-queue.db (relative to the working directory) or sqlite:///var/lib/app/mail-queue.db.";
                return false;
            }

            storage = new QueueStorage(QueueStorageKind.Sqlite, $"Data Source={path}");
            return true;
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            error = $"{key} \"{SafeScheme(text)}://...\" is not understood: use sqlite://PATH, or a PostgreSQL connection string in key=value form (\"Host=db;Database=shop;Username=app;Password=...\"), not a URL.";
            return false;
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host))
            {
                error = $"{key} is a connection string without Host: write \"Host=db;Database=shop;Username=app;Password=...\", or sqlite://PATH for a SQLite file.";
                return false;
            }
        }
        catch (ArgumentException exception)
        {
            // The message names the bad keyword; the connection string itself (it may hold a password) is never repeated.
            error = $"{key} is not a valid PostgreSQL connection string: {exception.Message}";
            return false;
        }

        storage = new QueueStorage(QueueStorageKind.PostgreSql, text);
        return true;
    }

    /// <summary>The storage without secrets, for logs and the command line.</summary>
    public override string ToString() => Kind == QueueStorageKind.Sqlite
        ? ConnectionString
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.Host}";

    private static string SafeScheme(string text) => text[..text.IndexOf("://", StringComparison.Ordinal)];
}
