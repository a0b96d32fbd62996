namespace Mailing.Queue;

/// <summary>A queued message that could not be sent, with the reason.</summary>
/// <remarks><see cref="ToString"/> shows ids, the failure kind and the subject, never recipients or bodies.</remarks>
public sealed record MailDeadLetter
{
    /// <summary>The queue id the message was enqueued with (<see cref="EnqueuedMail.Id"/>).</summary>
    public required Guid QueueId { get; init; }

    /// <summary>The Message-Id it was (or would have been) sent with.</summary>
    public required string MessageId { get; init; }

    /// <summary>Its idempotency key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The failure kind, when the transport reported one (e.g. <see cref="MailFailureKind.Rejected"/>).</summary>
    public MailFailureKind? FailureKind { get; init; }

    /// <summary>Why it was not sent, in plain words: the transport's reply and hint, or why it was not retried.</summary>
    public required string Reason { get; init; }

    /// <summary>When it was moved to the dead letters.</summary>
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>When it was enqueued.</summary>
    public DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>How many times it was requeued from the dead letters before failing again.</summary>
    public int RequeueCount { get; init; }

    /// <summary>The message itself, as it would be sent (attachments included).</summary>
    public required EmailMessage Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{QueueId} {FailureKind?.ToString() ?? "Failed"} \"{Message.Subject}\" ({MessageId})";
}
