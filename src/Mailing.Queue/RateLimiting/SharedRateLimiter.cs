using Mailing.Queue.Storage;

namespace Mailing.Queue.RateLimiting;

/// <summary>
/// Holds each transport to its configured rate across every worker: before a send, the worker takes the next free slot
/// from a row in the queue's storage (one atomic <c>UPDATE ... RETURNING</c>) and waits until the slot starts.
/// </summary>
/// <remarks>
/// Slots are spaced one interval apart by the database's clock (the generic cell rate algorithm without burst), so
/// however many workers run, no two sends through one transport start closer than the interval. A worker that dies
/// after taking a slot wastes that slot; nothing else is lost.
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
    /// <returns>How long the caller waited.</returns>
    public async Task<TimeSpan> WaitAsync(string transport, CancellationToken cancellationToken)
    {
        if (!_limits.TryGetValue(transport, out var limit))
        {
            return TimeSpan.Zero;
        }

        var wait = await _database.ReserveSlotAsync(limit.Transport.ToLowerInvariant(), limit.Interval, cancellationToken).ConfigureAwait(false);
        if (wait <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        return wait;
    }
}
