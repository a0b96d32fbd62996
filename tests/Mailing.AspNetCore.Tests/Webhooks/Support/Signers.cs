using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Mailing.AspNetCore.Tests.Webhooks.Support;

/// <summary>Signs requests as SendGrid does: ECDSA P-256, SHA-256, DER, over the timestamp followed by the raw body.</summary>
internal sealed class SendGridSigner : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The public key as SendGrid's dashboard shows it: base64 SubjectPublicKeyInfo.</summary>
    public string PublicKey => Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public HttpRequestMessage Request(string body, DateTimeOffset signedAt, string? bodySent = null)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = _key.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = new HttpRequestMessage(HttpMethod.Post, "sendgrid") { Content = new StringContent(bodySent ?? body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature));
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        return request;
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>Signs requests as Mailgun does: HMAC-SHA256 of timestamp and token with the webhook signing key, hex, inside the body.</summary>
internal sealed class MailgunSigner(string signingKey)
{
    /// <summary>The fixture with its signature block replaced by one made with this signer's key.</summary>
    public string Sign(string json, DateTimeOffset? signedAt = null, string? token = null, string? key = null)
    {
        var payload = JsonNode.Parse(json)!.AsObject();
        var signature = payload["signature"]?.AsObject() ?? new JsonObject();
        var timestamp = signedAt?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? signature["timestamp"]!.GetValue<string>();
        token ??= signature["token"]?.GetValue<string>() ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(25)).ToLowerInvariant();
        payload["signature"] = new JsonObject
        {
            ["timestamp"] = timestamp,
            ["token"] = token,
            ["signature"] = Hex(key ?? signingKey, timestamp + token),
        };
        return payload.ToJsonString();
    }

    public static string Hex(string key, string data) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data))).ToLowerInvariant();

    public static HttpRequestMessage Request(string body) =>
        new(HttpMethod.Post, "mailgun") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

/// <summary>Signs requests as Svix does for Resend: HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> with the secret's base64 part.</summary>
internal sealed class ResendSigner
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(24);

    public string Secret => "whsec_" + Convert.ToBase64String(_key);

    public string Signature(string id, string timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    public HttpRequestMessage Request(string body, DateTimeOffset signedAt, string id = "msg_p5jXN8AQM9LWM0D4loKWxJek", string? bodySent = null, string? extraSignature = null)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "resend") { Content = new StringContent(bodySent ?? body, Encoding.UTF8, "application/json") };
        request.Headers.Add("svix-id", id);
        request.Headers.Add("svix-timestamp", timestamp);
        request.Headers.Add("svix-signature", (extraSignature is null ? "" : extraSignature + " ") + Signature(id, timestamp, body));
        return request;
    }
}

/// <summary>Authenticates requests as Postmark does: the basic-auth credentials written into the webhook URL.</summary>
internal static class PostmarkCredentials
{
    public const string Username = "postmark";
    public const string Password = "correct horse battery staple 7f3a";

    public static HttpRequestMessage Request(string body, string username = Username, string password = Password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "postmark") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return request;
    }
}

internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Webhooks", "Fixtures", name));
}
