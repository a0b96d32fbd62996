using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Mailing;

/// <summary>
/// A suppression list held in memory: the default, for development and tests. Everything on it is forgotten when the
/// process ends, so a production app that receives bounces should use <see cref="FileSuppressionList"/> or a
/// database-backed <see cref="ISuppressionList"/>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemorySuppressionList : ISuppressionList
{
    private readonly ConcurrentDictionary<string, SuppressionEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many addresses are on the list.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public Task<bool> AddAsync(EmailAddress address, SuppressionReason reason, string source, DateTimeOffset suppressedAt, CancellationToken cancellationToken = default)
    {
        var entry = new SuppressionEntry(SuppressionKey.For(address), reason, SuppressionKey.ThrowIfInvalidSource(source), suppressedAt);
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            if (_entries.TryAdd(entry.Address, entry))
            {
                return Task.FromResult(true);
            }

            if (!_entries.TryGetValue(entry.Address, out var existing))
            {
                continue;
            }

            if (!entry.Widens(existing))
            {
                return Task.FromResult(false);
            }

            if (_entries.TryUpdate(entry.Address, entry, existing))
            {
                return Task.FromResult(true);
            }
        }
    }

    /// <inheritdoc />
    public Task<SuppressionEntry?> FindAsync(EmailAddress address, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryGetValue(SuppressionKey.For(address), out var entry) ? entry : null);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(EmailAddress address, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryRemove(SuppressionKey.For(address), out _));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SuppressionEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var entry in _entries.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
