using Microsoft.AspNetCore.Http;

namespace Mailing.Webhooks;

/// <summary>One provider's webhook: how its requests are authenticated and how its payload becomes <see cref="MailEvent"/>s.</summary>
internal interface IMailWebhook
{
    /// <summary>The provider's name in events and logs, and the last segment of its path: <c>sendgrid</c>.</summary>
    string Provider { get; }

    /// <summary>How requests are authenticated, for the start-up log: <c>ECDSA signature</c>.</summary>
    string Verification { get; }

    /// <summary>Checks the request's signature or credentials; nothing of the body is interpreted as events yet.</summary>
    WebhookVerdict Verify(IHeaderDictionary headers, ReadOnlyMemory<byte> body);

    /// <summary>Reads an authentic body as events, one per event of a batch.</summary>
    /// <exception cref="WebhookPayloadException">The body is not JSON, or not this provider's payload.</exception>
    IReadOnlyList<MailEvent> Parse(IHeaderDictionary headers, ReadOnlyMemory<byte> body);
}
