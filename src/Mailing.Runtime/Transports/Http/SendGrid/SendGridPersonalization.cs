using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>One envelope of a SendGrid mail send: who receives the message.</summary>
internal sealed record SendGridPersonalization(
    [property: JsonPropertyName("to")] IReadOnlyList<SendGridAddress> To)
{
    [JsonPropertyName("cc")]
    public IReadOnlyList<SendGridAddress>? Cc { get; init; }

    [JsonPropertyName("bcc")]
    public IReadOnlyList<SendGridAddress>? Bcc { get; init; }
}
