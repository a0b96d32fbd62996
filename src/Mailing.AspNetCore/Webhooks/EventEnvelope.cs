namespace Mailing.Webhooks;

/// <summary>What every event of a provider's payload carries, read once and given to the typed event it becomes.</summary>
internal sealed record EventEnvelope(
    string Provider,
    string EventId,
    DateTimeOffset Timestamp,
    string? Recipient,
    string? ProviderMessageId,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> MetadataWithMessageId,
    string RawJson)
{
    /// <summary>Mailing's Message-Id, from the metadata it was sent with.</summary>
    public string? MessageId => MetadataWithMessageId.TryGetValue(MailEvent.MessageIdMetadataKey, out var id) && id.Length > 0 ? id : null;

    /// <summary>The metadata the message was sent with, without Mailing's Message-Id.</summary>
    public IReadOnlyDictionary<string, string> Metadata =>
        MetadataWithMessageId.ContainsKey(MailEvent.MessageIdMetadataKey)
            ? MetadataWithMessageId.Where(pair => pair.Key != MailEvent.MessageIdMetadataKey).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)
            : MetadataWithMessageId;

    public MailDelivered Delivered(string? smtpResponse) => Fill(new MailDelivered { Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson, SmtpResponse = smtpResponse });

    public MailBounced Bounced(BounceKind kind, string? diagnostic, string? providerBounceType, int? smtpStatusCode = null, string? enhancedStatusCode = null)
    {
        var parsed = SmtpDiagnostic.Parse(diagnostic);
        return Fill(new MailBounced
        {
            Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson,
            Kind = kind,
            Diagnostic = string.IsNullOrWhiteSpace(diagnostic) ? null : diagnostic,
            ProviderBounceType = providerBounceType,
            SmtpStatusCode = smtpStatusCode ?? parsed.StatusCode,
            EnhancedStatusCode = enhancedStatusCode ?? parsed.EnhancedStatusCode,
        });
    }

    public MailDeferred Deferred(string? diagnostic, int? attempt, int? smtpStatusCode = null, string? enhancedStatusCode = null)
    {
        var parsed = SmtpDiagnostic.Parse(diagnostic);
        return Fill(new MailDeferred
        {
            Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson,
            Diagnostic = string.IsNullOrWhiteSpace(diagnostic) ? null : diagnostic,
            Attempt = attempt,
            SmtpStatusCode = smtpStatusCode ?? parsed.StatusCode,
            EnhancedStatusCode = enhancedStatusCode ?? parsed.EnhancedStatusCode,
        });
    }

    public MailComplained Complained() => Fill(new MailComplained { Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson });

    public MailUnsubscribed Unsubscribed() => Fill(new MailUnsubscribed { Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson });

    public MailOpened Opened(string? userAgent) => Fill(new MailOpened { Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson, UserAgent = userAgent });

    public MailClicked Clicked(string? url, string? userAgent) => Fill(new MailClicked { Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson, Url = url, UserAgent = userAgent });

    public MailDropped Dropped(string? reason) => Fill(new MailDropped { Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson, Reason = reason });

    public UnknownMailEvent Unknown(string providerEventType) =>
        Fill(new UnknownMailEvent { Provider = Provider, EventId = EventId, Timestamp = Timestamp, RawJson = RawJson, ProviderEventType = providerEventType });

    private T Fill<T>(T mailEvent)
        where T : MailEvent =>
        mailEvent with
        {
            Recipient = Recipient,
            MessageId = MessageId,
            ProviderMessageId = ProviderMessageId,
            Tags = Tags,
            Metadata = Metadata,
        };
}
