using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Mailgun;

/// <summary>
/// What Mailgun answers: <c>{"id":"&lt;20111114174239.25659.5817@samples.mailgun.org&gt;","message":"Queued. Thank you."}</c>
/// on success, <c>{"message":"..."}</c> on failure.
/// </summary>
internal sealed record MailgunResponse
{
    /// <summary>The queued message's id, in angle brackets.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
