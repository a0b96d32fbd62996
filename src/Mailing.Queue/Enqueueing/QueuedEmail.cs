namespace Mailing.Queue.Enqueueing;

/// <summary>
/// An email as it waits in the queue: rendered, addressed, with its attachments' bytes, so a worker needs no template
/// code and sends exactly what the request saw. Serialized by Wolverine (System.Text.Json).
/// </summary>
/// <remarks>Its shape is the queue's wire format: add members, never rename or remove one (old rows must still read).</remarks>
[Wolverine.Attributes.MessageIdentity(MessageTypeName)]
internal sealed class QueuedEmail
{
    /// <summary>The name rows of this type carry in the queue's tables (<c>message_type</c>), independent of the CLR name.</summary>
    public const string MessageTypeName = "mailing.queued-email";

    /// <summary>The queue id returned to the caller (a version 7 GUID, so ids sort by enqueue time).</summary>
    public Guid Id { get; set; }

    public DateTimeOffset EnqueuedAt { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>
    /// The name of the template the message was rendered from (<see cref="EmailMessage.TemplateName"/> when it is sent),
    /// so the mailer's logs and metrics name it though the template object is not stored.
    /// </summary>
    public string? Template { get; set; }

    public string? From { get; set; }

    public string? Sender { get; set; }

    public List<string> ReplyTo { get; set; } = [];

    public List<string> To { get; set; } = [];

    public List<string> Cc { get; set; } = [];

    public List<string> Bcc { get; set; } = [];

    public string Subject { get; set; } = "";

    public string? HtmlBody { get; set; }

    public string? TextBody { get; set; }

    public List<QueuedAttachment> Attachments { get; set; } = [];

    public List<QueuedAttachment> InlineResources { get; set; } = [];

    public Dictionary<string, string> Headers { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    public Dictionary<string, string> Metadata { get; set; } = [];

    public string IdempotencyKey { get; set; } = "";

    public string MessageId { get; set; } = "";

    public EmailPriority Priority { get; set; }

    public EmailKind Kind { get; set; }

    /// <summary>The one-click unsubscribe URL (<see cref="EmailMessage.Unsubscribe"/>), which bulk mail must carry.</summary>
    public string? UnsubscribeUrl { get; set; }

    public string? UnsubscribeMailto { get; set; }

    public bool SkipSuppressionCheck { get; set; }

    public string? TransportName { get; set; }
}
