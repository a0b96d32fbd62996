using System.Collections.Concurrent;

namespace Mailing;

/// <summary>
/// Remembers the keys claimed within a time span, so a request repeated within it is recognised: an unsubscribe link
/// used again, a webhook signature replayed. Per process, so it spares the common repeats and guarantees nothing across
/// instances.
/// </summary>
/// <remarks>
/// A claim lasts <c>remember</c>; an expired one is claimed afresh. Expired claims are pruned every
/// <see cref="PruneEvery"/> claims, and, with a capacity, whenever it is reached; a capacity still full of fresh claims
/// then forgets the oldest half rather than grow without bound, so such a repeat is passed on again.
/// </remarks>
internal sealed class ReplayGuard
{
    private const int PruneEvery = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _remember;
    private readonly int? _capacity;
    private int _claimed;

    /// <param name="time">The clock claims expire by.</param>
    /// <param name="remember">How long a claim lasts.</param>
    /// <param name="capacity">How many claims to keep at most; unbounded when <see langword="null"/>.</param>
    public ReplayGuard(TimeProvider time, TimeSpan remember, int? capacity = null)
    {
        _time = time;
        _remember = remember;
        _capacity = capacity;
    }

    /// <summary>Claims <paramref name="key"/>: <see langword="false"/> when it was claimed within the time remembered (or is being claimed now).</summary>
    public bool TryClaim(string key)
    {
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _claimed) % PruneEvery == 0 || (_capacity is { } capacity && _claims.Count >= capacity))
        {
            Prune(now);
        }

        var until = now + _remember;
        while (true)
        {
            if (_claims.TryAdd(key, until))
            {
                return true;
            }

            if (_claims.TryGetValue(key, out var existing))
            {
                if (existing > now)
                {
                    return false;
                }

                // Claimed long ago: claim it again.
                if (_claims.TryUpdate(key, until, existing))
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Gives a claim back, when the work it guarded failed, so a retry of the same request is accepted.</summary>
    public void Release(string key) => _claims.TryRemove(key, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, until) in _claims)
        {
            if (until <= now)
            {
                _claims.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
            }
        }

        if (_capacity is { } capacity && _claims.Count >= capacity)
        {
            foreach (var (key, until) in _claims.OrderBy(pair => pair.Value).Take(capacity / 2).ToArray())
            {
                _claims.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
            }
        }
    }
}
