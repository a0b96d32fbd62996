using System.Collections.Concurrent;

namespace Mailing;

/// <summary>
/// Remembers which links were used in the last day, so a repeated request for the same link (a mailbox provider's
/// retry, a second click, the page confirmed after Gmail's one-click) is answered without calling the handler again.
/// </summary>
/// <remarks>
/// Per process and bounded: after <see cref="Window"/>, or once <see cref="Capacity"/> links are remembered, a repeat is
/// passed on again. Handlers are documented to be idempotent; this spares them the common repeats, it guarantees nothing.
/// </remarks>
internal sealed class UnsubscribeReplayGuard
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public UnsubscribeReplayGuard(TimeProvider time) => _time = time;

    /// <summary>Claims the link: <see langword="false"/> when it was used within the window (or is being used now).</summary>
    public bool TryClaim(string tokenId)
    {
        var now = _time.GetUtcNow();
        if (_used.Count >= Capacity)
        {
            Prune(now);
        }

        while (true)
        {
            if (_used.TryAdd(tokenId, now + Window))
            {
                return true;
            }

            if (_used.TryGetValue(tokenId, out var until) && until > now)
            {
                return false;
            }

            // Used long ago: claim it again.
            _used.TryRemove(new KeyValuePair<string, DateTimeOffset>(tokenId, until));
        }
    }

    /// <summary>Gives a claim back when the handler failed, so the link still works.</summary>
    public void Release(string tokenId) => _used.TryRemove(tokenId, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, until) in _used)
        {
            if (until <= now)
            {
                _used.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, until));
            }
        }

        // Still full of fresh claims: forget the oldest half rather than grow without bound.
        if (_used.Count >= Capacity)
        {
            foreach (var (id, until) in _used.OrderBy(pair => pair.Value).Take(Capacity / 2).ToArray())
            {
                _used.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, until));
            }
        }
    }
}
