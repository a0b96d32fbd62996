namespace Mailing;

/// <summary>
/// Remembers whether a transport has been registered for the mailer, so start-up validation can say
/// "no transport configured" instead of failing later when the first message is sent, and collects
/// registration problems so they are reported at start-up rather than thrown from <c>AddMailing</c>.
/// </summary>
internal sealed class MailingTransportRegistry
{
    public bool HasTransport { get; set; }

    /// <summary>Problems found while registering (e.g. a DSN option the transport rejects), reported at start-up with the rest.</summary>
    public List<string> Problems { get; } = [];
}
