namespace Mailing.Queue.Storage;

/// <summary>
/// The statements Mailing runs beside Wolverine's tables, in the dialect of the storage. Both dialects use
/// <c>INSERT ... ON CONFLICT DO NOTHING</c> and <c>UPDATE ... RETURNING</c> (SQLite 3.35 and later, as bundled).
/// </summary>
/// <remarks>
/// Queue depth reads Wolverine's own tables (<c>wolverine_queue_{name}</c>, its <c>_scheduled</c> twin,
/// <c>wolverine_incoming_envelopes</c>, <c>wolverine_dead_letters</c>) filtered to this queue's message type; those
/// names are Wolverine's, so a Wolverine upgrade is checked by the queue's metrics tests.
/// </remarks>
internal sealed class QueueSql
{
    private const string Handled = "Handled";
    private const string Scheduled = "Scheduled";

    public QueueSql(QueueStorageKind kind, string schema, string queueName)
    {
        Kind = kind;
        var prefix = kind == QueueStorageKind.PostgreSql ? $"\"{schema}\"." : "";
        SentTable = $"{prefix}mailing_sent";
        RateTable = $"{prefix}mailing_rate_limits";
        var queueTable = $"{prefix}wolverine_queue_{queueName.ToLowerInvariant()}";
        var scheduledTable = $"{queueTable}_scheduled";
        var incoming = $"{prefix}wolverine_incoming_envelopes";
        var deadLetters = $"{prefix}wolverine_dead_letters";

        // Microseconds since the Unix epoch by the database's clock, so every worker measures rates against one clock.
        var now = kind == QueueStorageKind.PostgreSql
            ? "(extract(epoch from statement_timestamp()) * 1000000)::bigint"
            : "CAST((julianday('now') - 2440587.5) * 86400000000.0 AS INTEGER)";
        var ageSeconds = kind == QueueStorageKind.PostgreSql
            ? "extract(epoch from (statement_timestamp() - min(timestamp)))::double precision"
            : "(julianday('now') - julianday(min(timestamp))) * 86400.0";
        var greatest = kind == QueueStorageKind.PostgreSql ? "GREATEST" : "max";

        CreateTables = kind == QueueStorageKind.PostgreSql
            ? [
                $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"",
                $"CREATE TABLE IF NOT EXISTS {SentTable} (idempotency_key text PRIMARY KEY, message_id text NOT NULL, queue_id uuid NOT NULL, transport text NOT NULL, provider_message_id text NULL, sent_at bigint NOT NULL)",
                $"CREATE INDEX IF NOT EXISTS mailing_sent_sent_at ON {SentTable} (sent_at)",
                $"CREATE TABLE IF NOT EXISTS {RateTable} (transport text PRIMARY KEY, next_slot bigint NOT NULL)",
            ]
            : [
                $"CREATE TABLE IF NOT EXISTS {SentTable} (idempotency_key TEXT PRIMARY KEY, message_id TEXT NOT NULL, queue_id TEXT NOT NULL, transport TEXT NOT NULL, provider_message_id TEXT NULL, sent_at INTEGER NOT NULL)",
                $"CREATE INDEX IF NOT EXISTS mailing_sent_sent_at ON {SentTable} (sent_at)",
                $"CREATE TABLE IF NOT EXISTS {RateTable} (transport TEXT PRIMARY KEY, next_slot INTEGER NOT NULL)",
            ];
        FindSent = $"SELECT idempotency_key, message_id, queue_id, transport, provider_message_id, sent_at FROM {SentTable} WHERE idempotency_key = @key";
        InsertSent = $"INSERT INTO {SentTable} (idempotency_key, message_id, queue_id, transport, provider_message_id, sent_at) VALUES (@key, @message_id, @queue_id, @transport, @provider_message_id, @sent_at) ON CONFLICT (idempotency_key) DO NOTHING";
        PruneSent = $"DELETE FROM {SentTable} WHERE sent_at < @before";
        EnsureRateRow = $"INSERT INTO {RateTable} (transport, next_slot) VALUES (@transport, 0) ON CONFLICT (transport) DO NOTHING";
        TakeSlot = $"UPDATE {RateTable} SET next_slot = {greatest}(next_slot, {now}) + @interval WHERE transport = @transport AND next_slot <= {now} RETURNING next_slot";
        NextSlot = $"SELECT next_slot - {now} FROM {RateTable} WHERE transport = @transport";
        Snapshot = $"""
            SELECT
              (SELECT count(*) FROM {queueTable}),
              (SELECT count(*) FROM {scheduledTable}),
              (SELECT count(*) FROM {incoming} WHERE message_type = @type AND status NOT IN ('{Handled}', '{Scheduled}')),
              (SELECT count(*) FROM {incoming} WHERE message_type = @type AND status = '{Scheduled}'),
              (SELECT count(*) FROM {deadLetters} WHERE message_type = @type AND archived_at IS NULL),
              (SELECT {ageSeconds} FROM {queueTable})
            """;
    }

    public QueueStorageKind Kind { get; }

    public string SentTable { get; }

    public string RateTable { get; }

    public IReadOnlyList<string> CreateTables { get; }

    public string FindSent { get; }

    public string InsertSent { get; }

    public string PruneSent { get; }

    public string EnsureRateRow { get; }

    /// <summary>Takes the transport's slot if it has started (one row back), else changes nothing (no row).</summary>
    public string TakeSlot { get; }

    /// <summary>Microseconds until the transport's next slot starts.</summary>
    public string NextSlot { get; }

    public string Snapshot { get; }
}
