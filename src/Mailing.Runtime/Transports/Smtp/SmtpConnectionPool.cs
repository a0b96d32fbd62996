using System.Runtime.CompilerServices;

namespace Mailing.Transports.Smtp;

/// <summary>
/// A bounded pool of authenticated SMTP sessions. Each lease is exclusive (a session is a conversation, not thread-safe);
/// a session idle for more than <see cref="CheckLivenessAfterIdle"/> is checked with NOOP before reuse and replaced when
/// it is dead or expired.
/// </summary>
/// <remarks>
/// The check happens before the message is started, so a dead session costs a reconnect, never a duplicate.
/// Idle sessions beyond <see cref="SmtpOptions.IdleTimeout"/> are closed by a timer, politely with QUIT.
/// </remarks>
internal sealed class SmtpConnectionPool : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// A connection used this recently is reused without a NOOP round trip. A server that closed it in the meantime is
    /// found at MAIL FROM instead, before any recipient was accepted, where the transport reconnects once: a NOOP per
    /// message would cost a round trip on every send of a bulk run for a case that costs one reconnect.
    /// </summary>
    internal static readonly TimeSpan CheckLivenessAfterIdle = TimeSpan.FromSeconds(2);

    private readonly SmtpOptions _options;
    private readonly SmtpConnector _connector;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    // A stack under a lock rather than ConcurrentStack, which allocates a node for every push (one per message here).
    private readonly Stack<SmtpSession> _idle = new();
    private readonly ITimer _evictionTimer;
    private int _opened;
    private bool _disposed;

    public SmtpConnectionPool(SmtpOptions options, SmtpConnector connector, TimeProvider time)
    {
        _options = options;
        _connector = connector;
        _time = time;
        _slots = new SemaphoreSlim(options.PoolSize, options.PoolSize);
        _evictionTimer = time.CreateTimer(_ => _ = EvictExpiredAsync(), null, options.IdleTimeout, options.IdleTimeout);
    }

    /// <summary>How many sessions this pool has opened in its lifetime (a new one per reconnect).</summary>
    public int OpenedConnections => Volatile.Read(ref _opened);

    /// <summary>How many sessions are idle in the pool right now.</summary>
    public int IdleConnections
    {
        get
        {
            lock (_idle)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>Waits for a free slot and returns a live session: a checked idle one, or a new one.</summary>
    /// <param name="fresh">Open a new session even when idle ones wait (the reconnect after a pooled one turned out closed).</param>
    /// <param name="cancellationToken">Cancels the wait and the connect.</param>
    public ValueTask<SmtpSession> RentAsync(CancellationToken cancellationToken, bool fresh = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var slot = _slots.WaitAsync(cancellationToken);
        if (slot.IsCompletedSuccessfully && !fresh)
        {
            // The common case in a run of sends: a free slot and a session used moments ago, taken without awaiting.
            lock (_idle)
            {
                if (_idle.TryPeek(out var recent) && recent.IsOpen && !IsExpired(recent) && _time.GetElapsedTime(recent.LastUsedAt) < CheckLivenessAfterIdle)
                {
                    _idle.Pop();
                    recent.IsReused = true;
                    return new ValueTask<SmtpSession>(recent);
                }
            }
        }

        return RentSlowlyAsync(slot, fresh, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<SmtpSession> RentSlowlyAsync(Task slot, bool fresh, CancellationToken cancellationToken)
    {
        await slot.ConfigureAwait(false);
        try
        {
            while (!fresh && TryPop(out var candidate))
            {
                if (IsExpired(candidate))
                {
                    await CloseAsync(candidate, quit: true).ConfigureAwait(false);
                    continue;
                }

                if (candidate.IsOpen && _time.GetElapsedTime(candidate.LastUsedAt) < CheckLivenessAfterIdle)
                {
                    candidate.IsReused = true;
                    return candidate;
                }

                bool alive;
                try
                {
                    alive = await IsAliveAsync(candidate, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    // Cancelled mid-NOOP: the session's state is unknown, so it must not go back to the pool.
                    await CloseAsync(candidate, quit: false).ConfigureAwait(false);
                    throw;
                }

                if (alive)
                {
                    candidate.IsReused = true;
                    return candidate;
                }

                await CloseAsync(candidate, quit: false).ConfigureAwait(false);
            }

            var connection = await _connector.ConnectAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _opened);
            return connection;
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Gives a healthy session back for reuse.</summary>
    public void Return(SmtpSession connection)
    {
        connection.LastUsedAt = _time.GetTimestamp();
        if (_disposed || !connection.IsOpen || IdleConnections >= _options.PoolSize)
        {
            _ = CloseAsync(connection, quit: connection.IsOpen);
        }
        else
        {
            lock (_idle)
            {
                _idle.Push(connection);
            }
        }

        _slots.Release();
    }

    /// <summary>Closes a session whose state is unknown after a failure, and frees its slot.</summary>
    public void Discard(SmtpSession connection)
    {
        _ = CloseAsync(connection, quit: false);
        _slots.Release();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _evictionTimer.DisposeAsync().ConfigureAwait(false);
        while (TryPop(out var connection))
        {
            await CloseAsync(connection, quit: true).ConfigureAwait(false);
        }
    }

    /// <summary>Closes idle sessions at once, without QUIT (for synchronous disposal, which must not wait on the network).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _evictionTimer.Dispose();
        while (TryPop(out var connection))
        {
            connection.Dispose();
            SmtpTelemetry.Closed(_options);
        }
    }

    private bool TryPop(out SmtpSession session)
    {
        lock (_idle)
        {
            return _idle.TryPop(out session!);
        }
    }

    private bool IsExpired(SmtpSession connection) =>
        _time.GetElapsedTime(connection.LastUsedAt) >= _options.IdleTimeout;

    private async Task<bool> IsAliveAsync(SmtpSession connection, CancellationToken cancellationToken)
    {
        if (!connection.IsOpen)
        {
            return false;
        }

        try
        {
            // A server may have closed an idle session (its own timeout, a restart); NOOP finds out before MAIL FROM does.
            await connection.NoopAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task EvictExpiredAsync()
    {
        List<SmtpSession> keep = [];
        while (TryPop(out var connection))
        {
            if (IsExpired(connection))
            {
                await CloseAsync(connection, quit: true).ConfigureAwait(false);
            }
            else
            {
                keep.Add(connection);
            }
        }

        // Oldest first so the most recently used session ends on top and is reused first.
        lock (_idle)
        {
            foreach (var connection in keep.OrderBy(c => c.LastUsedAt))
            {
                _idle.Push(connection);
            }
        }
    }

    private async Task CloseAsync(SmtpSession connection, bool quit)
    {
        try
        {
            if (quit && connection.IsOpen)
            {
                using var timeout = new CancellationTokenSource(_options.OperationTimeout);
                await connection.QuitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Closing is best effort: the session is being abandoned either way.
        }
        finally
        {
            connection.Dispose();
            SmtpTelemetry.Closed(_options);
        }
    }
}
