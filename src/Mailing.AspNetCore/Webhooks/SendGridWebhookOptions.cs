namespace Mailing;

/// <summary>SendGrid's signed Event Webhook: <c>Mailing:Webhooks:SendGrid</c>.</summary>
public sealed class SendGridWebhookOptions
{
    /// <summary>
    /// The verification key SendGrid shows once signing is on (Settings → Mail Settings → Event Webhook → Signed Event
    /// Webhook Requests): a base64 ECDSA public key starting <c>MFkw</c>, or the same key as PEM. Not a secret, but it
    /// decides whose events are believed.
    /// </summary>
    public string? PublicKey { get; set; }
}
