namespace Mailing;

/// <summary>
/// Something a provider reported about a message Mailing sent: delivered, bounced, opened, a spam complaint... One
/// type per outcome (<see cref="MailDelivered"/>, <see cref="MailBounced"/>, ...), so a handler switches on the type.
/// </summary>
/// <remarks>
/// <para>
/// Events arrive through a provider's webhook (<c>app.MapMailingWebhooks()</c> in Mailing.AspNetCore), which verifies
/// the request before anything is parsed, and reach every <see cref="IMailEventHandler"/> at least once: a provider
/// retries when a handler fails, so the same event can arrive again. <see cref="EventId"/> is stable across those
/// retries; use it to recognise an event already handled.
/// </para>
/// <para>
/// <see cref="MessageId"/> is the id <see cref="SendResult.MessageId"/> returned when the message was sent, when the
/// provider carries it back (Mailing sends it as the metadata value <see cref="MessageIdMetadataKey"/>);
/// <see cref="ProviderMessageId"/> is the provider's own id, <see cref="SendResult.ProviderMessageId"/>.
/// </para>
/// </remarks>
public abstract record MailEvent
{
    /// <summary>
    /// The metadata key Mailing's HTTP transports for SendGrid, Postmark and Mailgun send the message's Message-Id under,
    /// so every event of the message carries it back: <c>mailing_message_id</c>. Reserved: a message's own
    /// <see cref="EmailMessage.Metadata"/> cannot use it, and events report it as <see cref="MessageId"/>, not in
    /// <see cref="Metadata"/>.
    /// </summary>
    public const string MessageIdMetadataKey = "mailing_message_id";

    private protected MailEvent()
    {
    }

    /// <summary>The provider that reported the event, in lower case: <c>sendgrid</c>, <c>postmark</c>, <c>mailgun</c>, <c>resend</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>
    /// The provider's id for this event (SendGrid's <c>sg_event_id</c>, Mailgun's event id, Resend's <c>svix-id</c>,
    /// Postmark's bounce id), the same when the provider sends the event again; use it to handle each event once.
    /// </summary>
    /// <remarks>
    /// Postmark gives ids to bounces and complaints only; for its other events the id is made of the record type, the
    /// message, the recipient and the time, which are the same in every retry.
    /// </remarks>
    public required string EventId { get; init; }

    /// <summary>When it happened, as the provider reports it.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The address the event is about, as the provider wrote it; <see langword="null"/> when the payload names none.</summary>
    /// <remarks>Kept as text: a provider can report an address Mailing would not accept (SendGrid drops "not an address").</remarks>
    public string? Recipient { get; init; }

    /// <summary>
    /// The Message-Id <see cref="SendResult.MessageId"/> reported at send time, when the event carries it back;
    /// <see langword="null"/> otherwise (Resend, SMTP relays, mail sent by other tools).
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// The provider's id for the message, as <see cref="SendResult.ProviderMessageId"/> reported it: Postmark's
    /// <c>MessageID</c>, Mailgun's message id without angle brackets, Resend's email id, SendGrid's <c>X-Message-Id</c>
    /// (the start of the event's <c>sg_message_id</c>).
    /// </summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The tags the message was sent with (SendGrid categories, Postmark's tag, Mailgun tags, Resend tags valued <c>true</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The metadata the message was sent with (<see cref="EmailMessage.Metadata"/>), without <see cref="MessageIdMetadataKey"/>.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    /// <summary>The provider's JSON for this one event, for what the typed properties do not carry.</summary>
    /// <remarks>It can hold addresses, subjects and links: treat it as personal data when you store or log it.</remarks>
    public required string RawJson { get; init; }

    private static IReadOnlyDictionary<string, string> EmptyMetadata { get; } =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Shows the event's type, provider, id and time; never the recipient, metadata or raw JSON.</summary>
    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Provider = ").Append(Provider)
            .Append(", EventId = ").Append(EventId)
            .Append(", Timestamp = ").Append(Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        if (MessageId is not null)
        {
            builder.Append(", MessageId = ").Append(MessageId);
        }

        return true;
    }
}
