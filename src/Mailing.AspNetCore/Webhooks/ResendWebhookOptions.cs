namespace Mailing;

/// <summary>Resend's webhooks, signed through Svix: <c>Mailing:Webhooks:Resend</c>.</summary>
public sealed class ResendWebhookOptions
{
    /// <summary>The webhook's signing secret from Resend → Webhooks → the webhook's page: <c>whsec_</c> followed by base64. A secret.</summary>
    public string? Secret { get; set; }
}
