namespace Mailing;

/// <summary>Mailgun's signed webhooks: <c>Mailing:Webhooks:Mailgun</c>.</summary>
public sealed class MailgunWebhookOptions
{
    /// <summary>
    /// The HTTP webhook signing key (Mailgun → Sending → Webhooks → HTTP webhook signing key); not the API key. A secret:
    /// keep it in user secrets or the environment.
    /// </summary>
    public string? SigningKey { get; set; }
}
