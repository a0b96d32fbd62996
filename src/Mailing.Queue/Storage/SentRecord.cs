namespace Mailing.Queue.Storage;

/// <summary>A row of the sent log: a message a transport accepted, keyed by its idempotency key.</summary>
internal sealed record SentRecord(string IdempotencyKey, string MessageId, Guid QueueId, string Transport, string? ProviderMessageId, DateTimeOffset SentAt);
