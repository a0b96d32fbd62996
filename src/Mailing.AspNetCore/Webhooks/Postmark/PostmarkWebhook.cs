using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mailing.Webhooks.Postmark;

/// <summary>
/// Postmark's webhooks: one JSON record per request (<c>RecordType</c> Delivery, Bounce, SpamComplaint, Open, Click,
/// SubscriptionChange). Postmark does not sign them: it sends the basic-auth credentials or custom header configured on
/// the webhook, and both are checked here in constant time.
/// </summary>
/// <remarks>
/// Source: Postmark, "Webhooks overview" and the bounce, delivery, open, click, spam complaint and subscription change
/// webhook pages. Without a timestamp or nonce there is nothing to detect a replay with; use HTTPS, and handlers
/// recognise a repeated event by its id.
/// </remarks>
internal sealed class PostmarkWebhook(PostmarkWebhookOptions options) : IMailWebhook
{
    public string Provider => "postmark";

    public string Verification => options.HeaderName is null
        ? "basic auth, Mailing:Webhooks:Postmark:Username/Password"
        : options.Username is null
            ? $"header {options.HeaderName}, Mailing:Webhooks:Postmark:HeaderName/HeaderValue"
            : $"basic auth and header {options.HeaderName}";

    public WebhookVerdict Verify(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        if (options.Username is { } username && options.Password is { } password)
        {
            var authorization = headers.Authorization.ToString();
            if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                return WebhookVerdict.Refuse(WebhookRejection.MissingSignature, "no basic-auth credentials (put them in the webhook URL in Postmark: https://user:password@host/...)");
            }

            string given;
            try
            {
                given = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            }
            catch (FormatException)
            {
                return WebhookVerdict.Refuse(WebhookRejection.WrongCredentials, "the Authorization header is not base64");
            }

            if (!SameSecret(given, $"{username}:{password}"))
            {
                return WebhookVerdict.Refuse(WebhookRejection.WrongCredentials, "the basic-auth credentials are not Mailing:Webhooks:Postmark:Username/Password");
            }
        }

        if (options.HeaderName is { } headerName && options.HeaderValue is { } headerValue)
        {
            var given = headers[headerName].ToString();
            if (given.Length == 0)
            {
                return WebhookVerdict.Refuse(WebhookRejection.MissingSignature, $"no {headerName} header (add it to the webhook in Postmark)");
            }

            if (!SameSecret(given, headerValue))
            {
                return WebhookVerdict.Refuse(WebhookRejection.WrongCredentials, $"the {headerName} header is not Mailing:Webhooks:Postmark:HeaderValue");
            }
        }

        return WebhookVerdict.Authentic(null, null);
    }

    public IReadOnlyList<MailEvent> Parse(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        using var document = JsonFields.Parse(body);
        var e = document.RootElement;
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException(WebhookRejection.NotEvents, $"the body is a JSON {e.ValueKind}, not a Postmark record");
        }

        var recordType = e.Text("RecordType") ?? RecordTypeOf(e);
        var recipient = e.Text("Recipient") ?? e.Text("Email");
        var time = e.IsoTime("DeliveredAt") ?? e.IsoTime("BouncedAt") ?? e.IsoTime("ReceivedAt") ?? e.IsoTime("ChangedAt") ?? DateTimeOffset.UnixEpoch;
        var messageId = e.Text("MessageID");

        // Bounces and complaints have ids; the other records are identified by what they are about, which a retry repeats.
        var eventId = e.Text("ID") ?? $"{recordType}/{messageId}/{recipient}/{time.ToUnixTimeMilliseconds()}";
        var envelope = new EventEnvelope(
            Provider, eventId, time, recipient, messageId,
            e.Text("Tag") is { Length: > 0 } tag ? [tag] : [],
            JsonFields.Scalars(e.Object("Metadata")),
            e.GetRawText());

        var bounceType = e.Text("Type");
        return [recordType switch
        {
            "Delivery" => envelope.Delivered(e.Text("Details")),
            "Bounce" or "SpamComplaint" => FromBounceType(envelope, bounceType ?? recordType, e.Text("Details") is { Length: > 0 } details ? details : e.Text("Description")),
            "Open" => envelope.Opened(e.Text("UserAgent")),
            "Click" => envelope.Clicked(e.Text("OriginalLink"), e.Text("UserAgent")),
            "SubscriptionChange" when e.Boolean("SuppressSending") == true => e.Text("SuppressionReason") switch
            {
                "HardBounce" => envelope.Bounced(BounceKind.Hard, null, "SubscriptionChange/HardBounce"),
                "SpamComplaint" => envelope.Complained(),
                _ => envelope.Unsubscribed(),
            },
            _ => envelope.Unknown(recordType.Length == 0 ? "(no RecordType)" : recordType),
        }];
    }

    /// <summary>
    /// The record type of a payload without <c>RecordType</c>: Postmark's older webhooks and its documentation's samples
    /// (the bounce and delivery examples) leave it out, and each kind is recognisable by its time field.
    /// </summary>
    private static string RecordTypeOf(JsonElement e) =>
        e.TryGetProperty("DeliveredAt", out _) ? "Delivery"
        : e.TryGetProperty("BouncedAt", out _) ? "Bounce"
        : e.TryGetProperty("OriginalLink", out _) ? "Click"
        : e.TryGetProperty("FirstOpen", out _) ? "Open"
        : e.TryGetProperty("ChangedAt", out _) ? "SubscriptionChange"
        : e.TryGetProperty("FromFull", out _) ? "Inbound"
        : "";

    /// <summary>Postmark's bounce <c>Type</c> decides the event: a hard bounce, a soft one, a delay, a complaint, or something that is not a delivery outcome.</summary>
    private static MailEvent FromBounceType(EventEnvelope envelope, string type, string? details) => type switch
    {
        "HardBounce" or "BadEmailAddress" => envelope.Bounced(BounceKind.Hard, details, type),
        "SoftBounce" or "Blocked" or "DMARCPolicy" or "VirusNotification" or "Undeliverable" => envelope.Bounced(BounceKind.Soft, details, type),
        "Transient" or "DnsError" => envelope.Deferred(details, null),
        "SpamComplaint" or "SpamNotification" => envelope.Complained(),
        "Unsubscribe" => envelope.Unsubscribed(),
        "ManuallyDeactivated" or "Unconfirmed" or "SMTPApiError" or "TemplateRenderingFailed" => envelope.Dropped(details ?? type),
        _ => envelope.Unknown($"Bounce/{type}"),
    };

    // Hashing first makes the comparison constant-time whatever the lengths.
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
