namespace Mailing.Transports.Http.Mailgun;

/// <summary>Where a Mailgun sending domain lives; each region has its own API host and knows only its own domains.</summary>
public enum MailgunRegion
{
    /// <summary>The US region, <c>https://api.mailgun.net/</c>. The default.</summary>
    Us,

    /// <summary>The EU region, <c>https://api.eu.mailgun.net/</c>, for domains created in the EU.</summary>
    Eu,
}
