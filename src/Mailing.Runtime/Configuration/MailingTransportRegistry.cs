namespace Mailing;

/// <summary>
/// Remembers whether a transport has been registered for the mailer, so start-up validation can say
/// "no transport configured" instead of failing later when the first message is sent.
/// </summary>
internal sealed class MailingTransportRegistry
{
    public bool HasTransport { get; set; }

    public string? TransportDescription { get; set; }
}
