using System.Collections.Concurrent;

namespace Mailing.Webhooks;

/// <summary>
/// Remembers the signatures accepted within the tolerance window, so a captured request sent again is refused. A
/// signature older than the window needs no memory: the staleness check refuses it.
/// </summary>
/// <remarks>
/// Per process: with several instances, a replay that reaches another instance within the window gets through, and is
/// then an ordinary duplicate, which handlers already recognise by <see cref="MailEvent.EventId"/>.
/// </remarks>
internal sealed class WebhookReplayGuard(TimeProvider time, TimeSpan window)
{
    private const int PurgeEvery = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _added;

    /// <summary>Records <paramref name="key"/>; false when it was already recorded and has not expired.</summary>
    public bool TryRecord(string key)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _added) % PurgeEvery == 0)
        {
            foreach (var (seen, expires) in _seen)
            {
                if (expires <= now)
                {
                    _seen.TryRemove(seen, out _);
                }
            }
        }

        var expiry = now + (2 * window);
        while (true)
        {
            if (_seen.TryAdd(key, expiry))
            {
                return true;
            }

            if (_seen.TryGetValue(key, out var existing))
            {
                if (existing > now)
                {
                    return false;
                }

                if (_seen.TryUpdate(key, expiry, existing))
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Forgets <paramref name="key"/>, so the provider's retry of a request whose handlers failed is accepted.</summary>
    public void Forget(string key) => _seen.TryRemove(key, out _);
}
