using System.Data.Common;
using Npgsql;
using Wolverine;
using Wolverine.RDBMS;
using Wolverine.Runtime;

namespace Mailing.Queue.Storage;

/// <summary>
/// Mailing's tables beside Wolverine's in the queue's storage: the sent log (keyed by idempotency key) and the shared
/// rate-limit slots, and the counts behind metrics and the health check.
/// </summary>
/// <remarks>
/// Connections come from Wolverine's own data source, so the sent log is written in the same database, and the same
/// transaction, as Wolverine's acknowledgement of the message (<see cref="RecordSentAsync"/>).
/// </remarks>
internal sealed class QueueDatabase
{
    private readonly IWolverineRuntime _runtime;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    public QueueDatabase(IWolverineRuntime runtime, MailQueueRegistration registration)
    {
        _runtime = runtime;
        Sql = new QueueSql(registration.Storage?.Kind ?? QueueStorageKind.Sqlite, registration.Options.Schema, registration.Options.QueueName);
    }

    public QueueSql Sql { get; }

    private IMessageDatabase Database => _runtime.Storage as IMessageDatabase
        ?? throw new InvalidOperationException($"The mail queue needs Wolverine's message storage to be SQLite or PostgreSQL, but the application's main message store is {_runtime.Storage.GetType().Name}. Set Mailing:Queue:Storage and let UseQueue configure the storage.");

    /// <summary>The sent-log row for <paramref name="idempotencyKey"/>, or <see langword="null"/> when no transport accepted that message yet.</summary>
    public async Task<SentRecord?> FindSentAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await Database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, Sql.FindSent, ("@key", idempotencyKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var queueId = reader.GetValue(2) is Guid guid ? guid : Guid.Parse(reader.GetString(2));
        return new SentRecord(
            reader.GetString(0),
            reader.GetString(1),
            queueId,
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
    }

    /// <summary>
    /// Records an accepted message in the sent log and marks Wolverine's inbox row for <paramref name="envelope"/> as
    /// handled, in one transaction: after it commits, a redelivery of the envelope or a second enqueue of the same
    /// idempotency key sends nothing.
    /// </summary>
    /// <returns><see langword="false"/> when the sent log already held the key (another delivery sent it first).</returns>
    public async Task<bool> RecordSentAsync(SentRecord record, Envelope envelope, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var database = Database;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int inserted;
        await using (var command = Command(
            connection,
            Sql.InsertSent,
            ("@key", record.IdempotencyKey),
            ("@message_id", record.MessageId),
            ("@queue_id", Sql.Kind == QueueStorageKind.PostgreSql ? record.QueueId : record.QueueId.ToString()),
            ("@transport", record.Transport),
            ("@provider_message_id", (object?)record.ProviderMessageId ?? DBNull.Value),
            ("@sent_at", record.SentAt.ToUnixTimeMilliseconds())))
        {
            command.Transaction = transaction;
            inserted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await database.MarkIncomingEnvelopeAsHandledInTransactionAsync(connection, transaction, envelope, keepUntil, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>Forgets sent-log rows older than <paramref name="before"/>.</summary>
    public async Task PruneSentLogAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await Database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, Sql.PruneSent, ("@before", before.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes <paramref name="transport"/>'s send slot if it has started by the database's clock, moving the next one an
    /// <paramref name="interval"/> later; a slot is only ever taken by the send about to start, never booked ahead.
    /// </summary>
    /// <returns>Zero when the slot was taken; otherwise how long until the next slot starts (then try again).</returns>
    public async Task<TimeSpan> TryTakeSlotAsync(string transport, TimeSpan interval, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await Database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var ensure = Command(connection, Sql.EnsureRateRow, ("@transport", transport)))
        {
            await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var micros = (long)Math.Ceiling(interval.TotalMicroseconds);
        await using (var take = Command(connection, Sql.TakeSlot, ("@transport", transport), ("@interval", micros)))
        {
            if (await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return TimeSpan.Zero;
            }
        }

        await using var next = Command(connection, Sql.NextSlot, ("@transport", transport));
        var wait = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMicroseconds(Math.Max(1, wait));
    }

    /// <summary>Counts what the queue holds now.</summary>
    public async Task<QueueSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, Sql.Snapshot, ("@type", Enqueueing.QueuedEmail.MessageTypeName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var age = reader.IsDBNull(5) ? 0 : Math.Max(0, Convert.ToDouble(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture));
        return new QueueSnapshot(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), TimeSpan.FromSeconds(age));
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_created)
            {
                return;
            }

            await using var connection = await Database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var statement in Sql.CreateTables)
            {
                await using var command = Command(connection, statement);
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject)
                {
                    // Another worker created it at the same moment: IF NOT EXISTS is not atomic in PostgreSQL's catalog.
                }
            }

            _created = true;
        }
        finally
        {
            _creating.Release();
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
