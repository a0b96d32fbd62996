namespace Mailing.Queue;

/// <summary>What <see cref="IMailQueue"/> stored: the ids to find the message by later.</summary>
public sealed record EnqueuedMail
{
    /// <summary>The queue id: it names the message in logs, dead letters and the command line.</summary>
    public required Guid Id { get; init; }

    /// <summary>The RFC 5322 Message-Id the message will be sent with (derived from <see cref="IdempotencyKey"/>).</summary>
    public required string MessageId { get; init; }

    /// <summary>The key that makes a second delivery of this message a no-op once a transport accepted it.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The earliest moment the message will be sent; <see langword="null"/> for as soon as possible.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
