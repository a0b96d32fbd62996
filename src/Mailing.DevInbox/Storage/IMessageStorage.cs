namespace Mailing.DevInbox.Storage;

/// <summary>Where caught messages are kept between the inbox's in-memory index and a restart.</summary>
internal interface IMessageStorage
{
    /// <summary>A human description for the UI and the start-up banner.</summary>
    string Description { get; }

    /// <summary>Messages kept from an earlier run, oldest first.</summary>
    Task<IReadOnlyList<StoredMessage>> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(StoredMessage message, CancellationToken cancellationToken);

    Task DeleteAsync(StoredMessage message, CancellationToken cancellationToken);

    Task ClearAsync(CancellationToken cancellationToken);
}
