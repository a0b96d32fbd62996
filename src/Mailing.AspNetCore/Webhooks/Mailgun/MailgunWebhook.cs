using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mailing.Webhooks.Mailgun;

/// <summary>
/// Mailgun's webhooks: a JSON body with a <c>signature</c> block (HMAC-SHA256 of timestamp and token with the webhook
/// signing key, hex) and one event in <c>event-data</c>. The token is refused a second time within the tolerance window.
/// </summary>
/// <remarks>
/// Source: Mailgun, "Securing Webhooks" and "Event Types". The signature sits inside the body, so the body is parsed as
/// JSON to find it, but nothing of <c>event-data</c> is read until the signature matches. A subaccount's event carries a
/// <c>parent-signature</c> made with the primary account's key; either signature matching the configured key is enough.
/// </remarks>
internal sealed class MailgunWebhook(string signingKey) : IMailWebhook
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingKey);

    public string Provider => "mailgun";

    public string Verification => "HMAC-SHA256 signature, Mailing:Webhooks:Mailgun:SigningKey";

    public WebhookVerdict Verify(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonFields.Parse(body);
        }
        catch (WebhookPayloadException exception)
        {
            var form = headers.ContentType.ToString().StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ||
                headers.ContentType.ToString().StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
            return WebhookVerdict.Refuse(WebhookRejection.MalformedJson,
                form ? "the body is a form: a legacy Mailgun webhook (before 2018); set the webhook up again in Mailgun's Webhooks page, which posts JSON" : exception.Message);
        }

        using (document)
        {
            if (document.RootElement.Object("signature") is not { } signature ||
                signature.Text("timestamp") is not { } timestamp || signature.Text("token") is not { Length: > 0 } token ||
                signature.Text("signature") is not { } given)
            {
                return WebhookVerdict.Refuse(WebhookRejection.MissingSignature, "the body has no signature block with timestamp, token and signature");
            }

            if (!long.TryParse(timestamp, out var seconds) || seconds < 0 || seconds > 253402300799)
            {
                return WebhookVerdict.Refuse(WebhookRejection.WrongSignature, "the signature's timestamp is not a Unix time");
            }

            var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(timestamp + token));
            if (!Matches(given, expected) && !(signature.Text("parent-signature") is { } parent && Matches(parent, expected)))
            {
                return WebhookVerdict.Refuse(WebhookRejection.WrongSignature,
                    "the signature does not match timestamp and token with Mailing:Webhooks:Mailgun:SigningKey (the HTTP webhook signing key, not the API key)");
            }

            return WebhookVerdict.Authentic(DateTimeOffset.FromUnixTimeSeconds(seconds), "mailgun:" + token);
        }
    }

    public IReadOnlyList<MailEvent> Parse(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        using var document = JsonFields.Parse(body);
        if (document.RootElement.Object("event-data") is not { } e)
        {
            throw new WebhookPayloadException(WebhookRejection.NotEvents, "the body has no event-data object");
        }

        var type = e.Text("event") ?? "";
        var token = document.RootElement.Object("signature")?.Text("token");
        var messageHeaders = e.Object("message")?.Object("headers");
        var status = e.Object("delivery-status");
        var envelope = new EventEnvelope(
            Provider,
            e.Text("id") ?? token ?? "",
            e.UnixTime("timestamp") ?? document.RootElement.Object("signature")!.Value.UnixTime("timestamp") ?? DateTimeOffset.UnixEpoch,
            e.Text("recipient"),
            messageHeaders?.Text("message-id")?.Trim().TrimStart('<').TrimEnd('>'),
            e.Strings("tags"),
            JsonFields.Scalars(e.Object("user-variables")),
            e.GetRawText());

        var diagnostic = status?.Text("message") is { Length: > 0 } message ? message : status?.Text("description");
        var code = (int?)status?.Integer("code");
        var enhanced = status?.Text("enhanced-code");
        var reason = e.Text("reason");
        return [type switch
        {
            "delivered" => envelope.Delivered(diagnostic is null ? null : $"{code} {diagnostic}".Trim()),
            "failed" when e.Text("severity") == "temporary" => envelope.Deferred(diagnostic, (int?)status?.Integer("attempt-no"), code, enhanced),

            // Mailgun did not try: the address is on its own bounce, unsubscribe or complaint list.
            "failed" when reason is not null && reason.StartsWith("suppress-", StringComparison.Ordinal) => envelope.Dropped(diagnostic ?? reason),
            "failed" => envelope.Bounced(BounceKind.Hard, diagnostic, reason, code, enhanced),
            "rejected" => envelope.Dropped(e.Object("reject")?.Text("reason") ?? diagnostic),
            "complained" => envelope.Complained(),
            "unsubscribed" => envelope.Unsubscribed(),
            "opened" => envelope.Opened(e.Object("client-info")?.Text("user-agent")),
            "clicked" => envelope.Clicked(e.Text("url"), e.Object("client-info")?.Text("user-agent")),
            _ => envelope.Unknown(type),
        }];
    }

    private static bool Matches(string hex, byte[] expected)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
