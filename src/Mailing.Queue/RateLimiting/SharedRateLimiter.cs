using Mailing.Queue.Storage;

namespace Mailing.Queue.RateLimiting;

/// <summary>
/// Holds each transport to its configured rate across every worker: right before a send, the worker takes the
/// transport's current slot from a row in the queue's storage (one atomic <c>UPDATE ... WHERE next_slot &lt;= now</c>),
/// or learns when the next one starts and tries again then.
/// </summary>
/// <remarks>
/// Slots are spaced one interval apart by the database's clock (the generic cell rate algorithm without burst), and a
/// slot is taken only by a send that starts at once, never booked ahead: a worker that stalls (a pause, a slow
/// connection) cannot later send on an old slot next to on-time ones. However many workers run, no two sends through
/// one transport start closer than the interval.
/// </remarks>
internal sealed class SharedRateLimiter
{
    private readonly QueueDatabase _database;
    private readonly IReadOnlyDictionary<string, TransportRateLimit> _limits;
    private readonly TimeProvider _time;

    public SharedRateLimiter(QueueDatabase database, IReadOnlyDictionary<string, TransportRateLimit> limits, TimeProvider time)
    {
        _database = database;
        _limits = limits;
        _time = time;
    }

    /// <summary>Waits until <paramref name="transport"/> may send again; returns at once when it has no limit.</summary>
    public async Task WaitAsync(string transport, CancellationToken cancellationToken)
    {
        if (!_limits.TryGetValue(transport, out var limit))
        {
            return;
        }

        while (true)
        {
            var wait = await _database.TryTakeSlotAsync(limit.StorageKey, limit.Interval, cancellationToken).ConfigureAwait(false);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            // Waiters spread over a fifth of an interval so they do not all ask at the same instant.
            wait += limit.Interval * (Random.Shared.NextDouble() / 5);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
