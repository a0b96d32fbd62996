using System.Net;
using System.Text.Json;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>Reads SendGrid's error responses: the kind of failure, SendGrid's own words, and what to do about it.</summary>
internal static class SendGridFailureReader
{
    // Texts SendGrid answers with (403 and 401) that mean something sharper than their status code.
    private const string UnverifiedSender = "verified Sender Identity";
    private const string CreditsExceeded = "Maximum credits exceeded";

    public static HttpApiFailure Describe(HttpStatusCode status, string body, MailFailureKind statusKind, SendGridOptions options, Uri mailSendUri)
    {
        var text = ProviderText(body) ?? (body.Length > 0 ? body : $"HTTP {(int)status} {status}");
        if (text.Contains(UnverifiedSender, StringComparison.OrdinalIgnoreCase))
        {
            return new HttpApiFailure(MailFailureKind.Rejected, text,
                "SendGrid sends only from a verified Sender Identity: verify the From address (Settings > Sender Authentication > Single Sender Verification) " +
                "or authenticate its domain, then send again. The key is fine.");
        }

        if (text.Contains(CreditsExceeded, StringComparison.OrdinalIgnoreCase))
        {
            return new HttpApiFailure(MailFailureKind.RateLimited, text,
                "The SendGrid account has used up its sending credits: upgrade the plan or wait until the credits renew; another transport can carry mail meanwhile.");
        }

        return (int)status switch
        {
            401 => new HttpApiFailure(MailFailureKind.Authentication, text, WrongKeyHint(options)),
            403 => new HttpApiFailure(MailFailureKind.Authentication, text,
                "The SendGrid API key is valid but may not send mail: give it the Mail Send permission (Settings > API Keys), or create a restricted key with Mail Send. " +
                RegionHint(options)),
            404 => new HttpApiFailure(MailFailureKind.Configuration, text,
                $"SendGrid has no mail send endpoint at {mailSendUri}: check the transport's Endpoint (it takes the API's base URL, e.g. https://api.sendgrid.com/)."),
            413 => new HttpApiFailure(MailFailureKind.Rejected, text,
                "SendGrid accepts messages below 30 MB including attachments: send large files as links instead of attachments."),
            _ => new HttpApiFailure(statusKind, text),
        };
    }

    private static string WrongKeyHint(SendGridOptions options) =>
        "SendGrid refused the API key: check the transport's ApiKey (a whole key starting with \"SG.\", not revoked, of this account). " + RegionHint(options);

    private static string RegionHint(SendGridOptions options) => options switch
    {
        { Endpoint: not null } => $"The key must belong to the region of the Endpoint {options.Endpoint}: EU regional subusers' keys work only on https://api.eu.sendgrid.com, global keys only on https://api.sendgrid.com.",
        { Region: SendGridRegion.EU } => "The transport sends to the EU host (Region eu), which accepts only keys of EU regional subusers: for a global key remove Region.",
        _ => "If the key belongs to an EU regional subuser, set the transport's Region to eu (it sends to https://api.eu.sendgrid.com).",
    };

    // "message (field f; see help)" for each error; null when the body is not SendGrid's error JSON.
    private static string? ProviderText(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var response = JsonSerializer.Deserialize(body, SendGridJsonContext.Wire.SendGridErrorResponse);
            var parts = response?.Errors?
                .Where(e => !string.IsNullOrWhiteSpace(e.Message))
                .Select(Describe)
                .ToArray();
            return parts is { Length: > 0 } ? string.Join(" ", parts) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(SendGridError error)
    {
        var details = new List<string>(2);
        if (error.Field is { Length: > 0 } field && field != "null")
        {
            details.Add($"field {field}");
        }

        if (error.Help is { ValueKind: JsonValueKind.String } help && help.GetString() is { Length: > 0 } link)
        {
            details.Add($"see {link}");
        }

        return details.Count == 0 ? error.Message! : $"{error.Message} ({string.Join("; ", details)})";
    }
}
