namespace Mailing;

/// <summary>
/// The secrets and limits of <c>MapMailingWebhooks</c>, read from <c>Mailing:Webhooks</c>. A provider whose secret is not
/// set is not mapped at all: there is never an endpoint that accepts unverified events.
/// </summary>
/// <example>
/// <code language="json">
/// "Mailing": {
///   "Webhooks": {
///     "SendGrid": { "PublicKey": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE..." },
///     "Mailgun": { "SigningKey": "(user secrets)" },
///     "Resend": { "Secret": "whsec_..." },
///     "Postmark": { "Username": "postmark", "Password": "(user secrets)" }
///   }
/// }
/// </code>
/// </example>
public sealed class MailingWebhookOptions
{
    /// <summary>SendGrid's signed Event Webhook.</summary>
    public SendGridWebhookOptions SendGrid { get; } = new();

    /// <summary>Mailgun's signed webhooks.</summary>
    public MailgunWebhookOptions Mailgun { get; } = new();

    /// <summary>Resend's webhooks, signed through Svix.</summary>
    public ResendWebhookOptions Resend { get; } = new();

    /// <summary>Postmark's webhooks, authenticated with basic auth or a custom header.</summary>
    public PostmarkWebhookOptions Postmark { get; } = new();

    /// <summary>
    /// How far a signed request's timestamp may be from this server's clock, either way, before the request is refused
    /// as stale (SendGrid, Mailgun, Resend); also how long a used signature is remembered to refuse replays. 5 minutes.
    /// </summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest request body accepted, in bytes; larger ones get 413. 4 MiB, above any batch the providers send.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
