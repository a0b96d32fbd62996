using System.Net;
using System.Text.Json;

namespace Mailing.Transports.Http.Resend;

/// <summary>
/// Reads Resend's error responses (https://resend.com/docs/api-reference/errors): the error's <c>name</c> decides the
/// kind where the status code alone would mislead (a 403 is as often an unverified domain as a bad key).
/// </summary>
internal static class ResendFailureReader
{
    // Resend's 403 validation_error texts for the testing sender and for an unverified domain.
    private const string TestingOnlyText = "testing emails to your own email address";
    private const string UnverifiedDomainText = "not verified";

    private const string TestingHint =
        "Until a domain is verified, Resend sends only from its testing address onboarding@resend.dev and only to your own account's address: " +
        "add and verify your domain at resend.com/domains, then send From an address on that domain.";

    private const string UnverifiedDomainHint =
        "Resend sends only from verified domains: verify the From address's domain at resend.com/domains (the domain must match exactly, " +
        "subdomain included), or send from a domain that is already verified.";

    public static HttpApiFailure Describe(HttpStatusCode status, string body, MailFailureKind statusKind, Uri emailsUri)
    {
        var error = Read(body);
        var name = error?.Name;
        var text = error?.Message is { Length: > 0 } message ? message : body.Length > 0 ? body : $"HTTP {(int)status} {status}";

        var (kind, hint) = name switch
        {
            "missing_api_key" => (MailFailureKind.Authentication,
                "No API key reached Resend: set the transport's ApiKey to a key from resend.com/api-keys (it starts with \"re_\")."),
            "invalid_api_key" => (MailFailureKind.Authentication,
                "Resend does not know this API key: check the transport's ApiKey (the whole key, not revoked, of this team), or create one at resend.com/api-keys."),
            "restricted_api_key" => (MailFailureKind.Authentication,
                "This Resend API key may not do this: use a key with sending access, and one not restricted to a domain other than the From address's."),
            "invalid_to_address" => (MailFailureKind.Rejected, TestingHint),
            "invalid_from_address" => (MailFailureKind.Rejected, UnverifiedDomainHint),
            "validation_error" when text.Contains(TestingOnlyText, StringComparison.OrdinalIgnoreCase) => (MailFailureKind.Rejected, TestingHint),
            "validation_error" when (int)status == 403 && text.Contains(UnverifiedDomainText, StringComparison.OrdinalIgnoreCase) => (MailFailureKind.Rejected, UnverifiedDomainHint),
            "validation_error" or "missing_required_field" or "invalid_attachment" or "invalid_idempotency_key" or "security_error" => (MailFailureKind.Rejected, null),
            "invalid_idempotent_request" => (MailFailureKind.Rejected,
                "The IdempotencyKey was already used for a different message in the last 24 hours: give each distinct message its own key."),
            "concurrent_idempotent_requests" => (MailFailureKind.Transient,
                "An earlier request with this IdempotencyKey is still being processed: sending again later with the same key is safe, Resend will not send twice."),
            "rate_limit_exceeded" => (MailFailureKind.RateLimited, null),
            "daily_quota_exceeded" or "monthly_quota_exceeded" => (MailFailureKind.RateLimited,
                "The Resend team has reached its sending quota: upgrade the plan or wait until the quota renews; another transport can carry mail meanwhile."),
            "not_found" or "method_not_allowed" => (MailFailureKind.Configuration, EndpointHint(emailsUri)),
            "application_error" or "internal_server_error" => (MailFailureKind.Transient, null),
            _ when (int)status == 404 => (MailFailureKind.Configuration, EndpointHint(emailsUri)),
            _ => (statusKind, null),
        };

        return new HttpApiFailure(kind, text, hint, name);
    }

    private static string EndpointHint(Uri emailsUri) =>
        $"Resend has no send endpoint at {emailsUri}: check the transport's Endpoint (it takes the API's base URL, e.g. https://api.resend.com/).";

    private static ResendErrorResponse? Read(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ResendJsonContext.Wire.ResendErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
