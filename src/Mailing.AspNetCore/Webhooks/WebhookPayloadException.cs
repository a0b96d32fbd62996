namespace Mailing.Webhooks;

/// <summary>An authentic request whose body is not the provider's event payload; answered 400, logged with <see cref="Exception.Message"/>.</summary>
internal sealed class WebhookPayloadException(WebhookRejection rejection, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public WebhookRejection Rejection { get; } = rejection;
}
