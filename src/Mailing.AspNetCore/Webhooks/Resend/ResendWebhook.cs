using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mailing.Webhooks.Resend;

/// <summary>
/// Resend's webhooks, delivered by Svix: <c>svix-id</c>, <c>svix-timestamp</c> and <c>svix-signature</c> headers, the
/// signature an HMAC-SHA256 (base64) of <c>{id}.{timestamp}.{body}</c> with the secret's base64 part; one event per request.
/// </summary>
/// <remarks>
/// Sources: Resend, "Verify Webhooks Requests" and "Event types"; Svix, "Verifying Webhooks Manually". The signature
/// header may list several <c>v1,…</c> signatures (during a secret rotation); one match is enough. Svix signs each
/// delivery attempt anew with the same <c>svix-id</c>, which is why it is the event id.
/// </remarks>
internal sealed class ResendWebhook : IMailWebhook
{
    private const string SecretPrefix = "whsec_";
    private const string SignatureVersion = "v1,";
    private readonly byte[] _key;

    /// <exception cref="ArgumentException">The secret is not <c>whsec_</c> followed by base64.</exception>
    public ResendWebhook(string secret)
    {
        var trimmed = secret.Trim();
        try
        {
            _key = Convert.FromBase64String(trimmed.StartsWith(SecretPrefix, StringComparison.Ordinal) ? trimmed[SecretPrefix.Length..] : trimmed);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(
                "Mailing:Webhooks:Resend:Secret is not a signing secret: copy it from Resend → Webhooks → your webhook → Signing secret (\"whsec_\" followed by base64).",
                nameof(secret), exception);
        }
    }

    public string Provider => "resend";

    public string Verification => "Svix HMAC-SHA256 signature, Mailing:Webhooks:Resend:Secret";

    public WebhookVerdict Verify(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        var id = Header(headers, "id");
        var timestamp = Header(headers, "timestamp");
        var signatures = Header(headers, "signature");
        if (id.Length == 0 || timestamp.Length == 0 || signatures.Length == 0)
        {
            return WebhookVerdict.Refuse(WebhookRejection.MissingSignature, "no svix-id, svix-timestamp or svix-signature header");
        }

        if (!long.TryParse(timestamp, out var seconds) || seconds < 0 || seconds > 253402300799)
        {
            return WebhookVerdict.Refuse(WebhookRejection.WrongSignature, "the svix-timestamp header is not a Unix time");
        }

        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.Span.CopyTo(signed.AsSpan(prefix.Length));
        var expected = HMACSHA256.HashData(_key, signed);

        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.StartsWith(SignatureVersion, StringComparison.Ordinal) && Matches(candidate[SignatureVersion.Length..], expected))
            {
                return WebhookVerdict.Authentic(DateTimeOffset.FromUnixTimeSeconds(seconds), $"resend:{id}.{timestamp}");
            }
        }

        return WebhookVerdict.Refuse(WebhookRejection.WrongSignature,
            "no v1 signature matches id, timestamp and body with Mailing:Webhooks:Resend:Secret (a changed body, or another webhook's secret)");
    }

    public IReadOnlyList<MailEvent> Parse(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        using var document = JsonFields.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.Text("type") is not { } type)
        {
            throw new WebhookPayloadException(WebhookRejection.NotEvents, "the body is not an object with a \"type\"");
        }

        var data = root.Object("data") ?? default;
        var (tags, metadata) = TagsOf(data);
        var envelope = new EventEnvelope(
            Provider,
            Header(headers, "id"),
            root.IsoTime("created_at") ?? (long.TryParse(Header(headers, "timestamp"), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch),
            FirstRecipient(data),
            data.Text("email_id"),
            tags,
            metadata,
            root.GetRawText());

        var bounce = data.Object("bounce");
        return [type switch
        {
            "email.delivered" => envelope.Delivered(null),
            "email.delivery_delayed" => envelope.Deferred(null, null),

            // "Suppressed": Resend did not send, the address is on its suppression list.
            "email.bounced" when bounce?.Text("subType") is "Suppressed" => envelope.Dropped(bounce?.Text("message")),
            "email.bounced" => envelope.Bounced(
                bounce?.Text("type") is "Transient" or "Undetermined" ? BounceKind.Soft : BounceKind.Hard,
                DiagnosticOf(bounce),
                bounce is { } b ? $"{b.Text("type")}/{b.Text("subType")}".Trim('/') : null),
            "email.complained" => envelope.Complained(),
            "email.opened" => envelope.Opened(null),
            "email.clicked" => envelope.Clicked(data.Object("click")?.Text("link"), data.Object("click")?.Text("userAgent")),
            "email.failed" => envelope.Dropped(data.Object("failed")?.Text("reason")),
            "email.suppressed" => envelope.Dropped(data.Object("suppressed")?.Text("message")),
            _ => envelope.Unknown(type),
        }];
    }

    // Resend's own events name the headers svix-*; Standard Webhooks senders use webhook-*.
    private static string Header(IHeaderDictionary headers, string name) =>
        headers["svix-" + name].ToString() is { Length: > 0 } svix ? svix : headers["webhook-" + name].ToString();

    /// <summary>Resend reports one event per recipient but names all of <c>to</c>; the first is the one it is about when there is one.</summary>
    private static string? FirstRecipient(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("to", out var to)
            ? to.ValueKind switch
            {
                JsonValueKind.Array when to.GetArrayLength() > 0 => Address(to[0].GetString()),
                JsonValueKind.String => Address(to.GetString()),
                _ => null,
            }
            : null;

    private static string? Address(string? text) => text is not null && EmailAddress.TryParse(text, out var address) ? address.Address : text;

    /// <summary>
    /// Resend's tags come back as an object (<c>{"name": "value"}</c>) or a list of <c>{name, value}</c>. Mailing sends a
    /// tag as a tag valued <c>true</c> and metadata as named tags, so it reads them back that way.
    /// </summary>
    private static (IReadOnlyList<string> Tags, Dictionary<string, string> Metadata) TagsOf(JsonElement data)
    {
        var tags = new List<string>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string? name, string? value)
        {
            if (string.IsNullOrEmpty(name))
            {
                return;
            }

            if (value == "true")
            {
                tags.Add(name);
            }
            else if (value is not null)
            {
                metadata[name] = value;
            }
        }

        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("tags", out var value))
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var (name, text) in JsonFields.Scalars(value))
                {
                    Add(name, text);
                }
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var tag in value.EnumerateArray())
                {
                    Add(tag.Text("name"), tag.Text("value"));
                }
            }
        }

        return (tags, metadata);
    }

    private static string? DiagnosticOf(JsonElement? bounce)
    {
        if (bounce is not { } b)
        {
            return null;
        }

        // Newer payloads add the receiving server's diagnostic codes next to Resend's own message.
        if (b.TryGetProperty("diagnosticCode", out var codes) && codes.ValueKind == JsonValueKind.Array && codes.GetArrayLength() > 0)
        {
            return string.Join(" ", codes.EnumerateArray().Select(c => c.ToString()));
        }

        return b.Text("message");
    }

    private static bool Matches(string base64, byte[] expected)
    {
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64String(base64, given, out var length) && CryptographicOperations.FixedTimeEquals(given[..length], expected);
    }
}
