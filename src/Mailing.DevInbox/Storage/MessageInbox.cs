using System.Threading.Channels;

namespace Mailing.DevInbox.Storage;

/// <summary>
/// The caught messages, newest last, bounded to a capacity (the oldest is dropped past it), backed
/// by a storage, with live notifications for the web inbox and waiters for the REST API.
/// </summary>
internal sealed class MessageInbox(IMessageStorage storage, int capacity, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<StoredMessage> _messages = [];
    private readonly List<Channel<InboxEvent>> _subscribers = [];
    private readonly SemaphoreSlim _storageGate = new(1, 1);

    public int Capacity => capacity;

    public string StorageDescription => storage.Description;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var loaded = await storage.LoadAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _messages.InsertRange(0, loaded.TakeLast(capacity));
        }
    }

    public async Task<StoredMessage> AddAsync(byte[] raw, string mailFrom, IReadOnlyList<string> rcptTo, MimeKit.MimeMessage parsed, CancellationToken cancellationToken)
    {
        var message = new StoredMessage(StoredMessage.NewId(), time.GetUtcNow(), raw, parsed, mailFrom, rcptTo);
        List<StoredMessage> dropped = [];
        await _storageGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await storage.SaveAsync(message, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _messages.Add(message);
                while (_messages.Count > capacity)
                {
                    dropped.Add(_messages[0]);
                    _messages.RemoveAt(0);
                }
            }

            foreach (var old in dropped)
            {
                await storage.DeleteAsync(old, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _storageGate.Release();
        }

        foreach (var old in dropped)
        {
            Publish(new InboxEvent("deleted", old));
        }

        Publish(new InboxEvent("received", message));
        return message;
    }

    /// <summary>Matching messages, newest first.</summary>
    public IReadOnlyList<StoredMessage> List(MessageQuery query)
    {
        lock (_gate)
        {
            return _messages.Where(query.Matches).Reverse().ToArray();
        }
    }

    public StoredMessage? Find(string id)
    {
        lock (_gate)
        {
            return _messages.Find(message => message.Id == id);
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        StoredMessage? removed;
        await _storageGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                removed = _messages.Find(message => message.Id == id);
                if (removed is not null)
                {
                    _messages.Remove(removed);
                }
            }

            if (removed is not null)
            {
                await storage.DeleteAsync(removed, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _storageGate.Release();
        }

        if (removed is not null)
        {
            Publish(new InboxEvent("deleted", removed));
        }

        return removed is not null;
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await _storageGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                _messages.Clear();
            }

            await storage.ClearAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _storageGate.Release();
        }

        Publish(new InboxEvent("cleared", null));
    }

    /// <summary>
    /// The newest message matching <paramref name="query"/> if one is already here, else the next
    /// one to arrive; <see langword="null"/> when <paramref name="cancellationToken"/> ends the wait.
    /// </summary>
    public async Task<StoredMessage?> WaitAsync(MessageQuery query, CancellationToken cancellationToken)
    {
        using var subscription = Subscribe();
        if (List(query).FirstOrDefault() is { } existing)
        {
            return existing;
        }

        try
        {
            await foreach (var change in subscription.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (change is { Kind: "received", Message: { } message } && query.Matches(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The caller's timeout: nothing matched in time.
        }

        return null;
    }

    /// <summary>Listens for changes until the subscription is disposed.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<InboxEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    public void Publish(InboxEvent change)
    {
        Channel<InboxEvent>[] subscribers;
        lock (_gate)
        {
            subscribers = _subscribers.ToArray();
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Writer.TryWrite(change);
        }
    }

    /// <summary>One listener's stream of changes.</summary>
    internal sealed class Subscription(MessageInbox inbox, Channel<InboxEvent> channel) : IDisposable
    {
        public ChannelReader<InboxEvent> Reader => channel.Reader;

        public void Dispose()
        {
            lock (inbox._gate)
            {
                inbox._subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        }
    }
}
