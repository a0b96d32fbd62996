using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mailing.Webhooks.SendGrid;

/// <summary>
/// SendGrid's signed Event Webhook: an ECDSA P-256 signature (SHA-256, DER, base64) over the timestamp header followed by
/// the raw body, checked with the public key from the dashboard; the body is a JSON array of events.
/// </summary>
/// <remarks>
/// Source: Twilio SendGrid, "Getting Started with the Event Webhook Security Features" and "Event Webhook Reference".
/// SendGrid merges a message's <c>custom_args</c> into each event as top-level fields, so every field that is not one of
/// SendGrid's own is metadata.
/// </remarks>
internal sealed class SendGridWebhook : IMailWebhook
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    // SendGrid's own event fields; anything else at the top level of an event came from custom_args.
    private static readonly HashSet<string> SendGridFields = new(StringComparer.Ordinal)
    {
        "email", "timestamp", "event", "smtp-id", "category", "reason", "status", "response", "attempt", "type", "url",
        "url_offset", "useragent", "ip", "tls", "cert_err", "asm_group_id", "pool", "send_at", "bounce_classification",
        "marketing_campaign_id", "marketing_campaign_name", "marketing_campaign_version", "marketing_campaign_split_id",
        "singlesend_id", "singlesend_name", "template_id", "template_version_id", "template_name", "newsletter", "post_type",
        "ab_variation", "ab_phase_id", "mc_stats", "phase_id", "variation_id", "machine_open", "anymail_id",
        "nlvx_campaign_id", "nlvx_campaign_split_id", "nlvx_user_id",
    };

    private readonly byte[] _publicKey;

    /// <param name="publicKey">The dashboard's verification key: base64 SubjectPublicKeyInfo, or PEM.</param>
    /// <exception cref="ArgumentException">The text is not an ECDSA public key; the message says where to find the right one.</exception>
    public SendGridWebhook(string publicKey)
    {
        using var key = ECDsa.Create();
        try
        {
            if (publicKey.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(publicKey);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey.Trim()), out _);
            }
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException or ArgumentException)
        {
            throw new ArgumentException(
                "Mailing:Webhooks:SendGrid:PublicKey is not an ECDSA public key. Paste the verification key SendGrid shows under " +
                "Settings → Mail Settings → Event Webhook once \"Signed Event Webhook Requests\" is on (base64, starting \"MFkw\").",
                nameof(publicKey), exception);
        }

        _publicKey = key.ExportSubjectPublicKeyInfo();
    }

    public string Provider => "sendgrid";

    public string Verification => "ECDSA signature, Mailing:Webhooks:SendGrid:PublicKey";

    public WebhookVerdict Verify(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        var signatureText = headers[SignatureHeader].ToString();
        var timestampText = headers[TimestampHeader].ToString();
        if (signatureText.Length == 0 || timestampText.Length == 0)
        {
            return WebhookVerdict.Refuse(WebhookRejection.MissingSignature,
                $"no {SignatureHeader} or {TimestampHeader} header (turn on \"Signed Event Webhook Requests\" in SendGrid)");
        }

        if (!long.TryParse(timestampText, out var seconds) || seconds < 0 || seconds > 253402300799)
        {
            return WebhookVerdict.Refuse(WebhookRejection.WrongSignature, $"the {TimestampHeader} header is not a Unix time");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureText);
        }
        catch (FormatException)
        {
            return WebhookVerdict.Refuse(WebhookRejection.WrongSignature, $"the {SignatureHeader} header is not base64");
        }

        var signed = new byte[Encoding.ASCII.GetByteCount(timestampText) + body.Length];
        var written = Encoding.ASCII.GetBytes(timestampText, signed);
        body.Span.CopyTo(signed.AsSpan(written));

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_publicKey, out _);
        bool valid;
        try
        {
            valid = key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            valid = false;
        }

        return valid
            // The replay key is what was signed, not the signature: an ECDSA signature can be rewritten into another
            // valid one for the same data (s → n - s) without the key.
            ? WebhookVerdict.Authentic(DateTimeOffset.FromUnixTimeSeconds(seconds), $"sendgrid:{timestampText}:{Convert.ToHexString(SHA256.HashData(body.Span))}")
            : WebhookVerdict.Refuse(WebhookRejection.WrongSignature,
                "the signature does not match the body with Mailing:Webhooks:SendGrid:PublicKey (a changed body, or the key of another account or subuser)");
    }

    public IReadOnlyList<MailEvent> Parse(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        using var document = JsonFields.Parse(body);
        var root = document.RootElement;
        var signedAt = long.TryParse(headers[TimestampHeader].ToString(), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch;
        return root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().Select(e => ToEvent(e, signedAt)).ToArray(),
            JsonValueKind.Object => [ToEvent(root, signedAt)],
            _ => throw new WebhookPayloadException(WebhookRejection.NotEvents, $"the body is a JSON {root.ValueKind}, not SendGrid's array of events"),
        };
    }

    private MailEvent ToEvent(JsonElement e, DateTimeOffset signedAt)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException(WebhookRejection.NotEvents, $"an item of the array is a JSON {e.ValueKind}, not an event object");
        }

        var type = e.Text("event") ?? "";
        var sgMessageId = e.Text("sg_message_id");
        var envelope = new EventEnvelope(
            Provider,
            e.Text("sg_event_id") ?? $"{sgMessageId}/{type}/{e.Text("email")}/{e.Text("timestamp")}",
            e.UnixTime("timestamp") ?? signedAt,
            e.Text("email"),
            ProviderMessageIdOf(sgMessageId),
            e.Strings("category"),
            CustomArgs(e),
            e.GetRawText());

        return type switch
        {
            "delivered" => envelope.Delivered(e.Text("response")),
            "bounce" => envelope.Bounced(
                e.Text("type") == "blocked" ? BounceKind.Soft : BounceKind.Hard,
                e.Text("reason"),
                e.Text("type") ?? "bounce",
                enhancedStatusCode: EnhancedStatus(e.Text("status"))),
            "deferred" => envelope.Deferred(e.Text("response") ?? e.Text("reason"), (int?)e.Integer("attempt")),
            "dropped" => envelope.Dropped(e.Text("reason")),
            "spamreport" => envelope.Complained(),
            "unsubscribe" or "group_unsubscribe" => envelope.Unsubscribed(),
            "open" => envelope.Opened(e.Text("useragent")),
            "click" => envelope.Clicked(e.Text("url"), e.Text("useragent")),
            _ => envelope.Unknown(type),
        };
    }

    /// <summary>
    /// SendGrid's <c>sg_message_id</c> is the <c>X-Message-Id</c> it answered at send time followed by the id of the
    /// server that handled it (<c>.filter…</c> or <c>.recvd…</c>); the first part is what <see cref="SendResult.ProviderMessageId"/> holds.
    /// </summary>
    private static string? ProviderMessageIdOf(string? sgMessageId)
    {
        if (sgMessageId is null)
        {
            return null;
        }

        foreach (var marker in (ReadOnlySpan<string>)[".filter", ".recvd"])
        {
            var at = sgMessageId.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                return sgMessageId[..at];
            }
        }

        return sgMessageId;
    }

    private static Dictionary<string, string> CustomArgs(JsonElement e)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in e.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.String && !SendGridFields.Contains(member.Name) && !member.Name.StartsWith("sg_", StringComparison.Ordinal))
            {
                args[member.Name] = member.Value.GetString()!;
            }
        }

        return args;
    }

    private static string? EnhancedStatus(string? status) => SmtpDiagnostic.Parse(status).EnhancedStatusCode;
}
