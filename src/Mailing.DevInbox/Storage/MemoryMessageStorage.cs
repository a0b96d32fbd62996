namespace Mailing.DevInbox.Storage;

/// <summary>Keeps nothing beyond the inbox's own index: messages are gone when the process ends.</summary>
internal sealed class MemoryMessageStorage : IMessageStorage
{
    public string Description => "in memory";

    public Task<IReadOnlyList<StoredMessage>> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StoredMessage>>([]);

    public Task SaveAsync(StoredMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(StoredMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ClearAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
