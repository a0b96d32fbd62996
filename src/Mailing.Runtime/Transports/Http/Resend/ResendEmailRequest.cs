using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Resend;

/// <summary>The body of <c>POST /emails</c>, and one item of <c>POST /emails/batch</c>.</summary>
/// <remarks>Addresses are strings, <c>Name &lt;address&gt;</c> when there is a display name.</remarks>
internal sealed record ResendEmailRequest(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: JsonPropertyName("subject")] string Subject)
{
    [JsonPropertyName("cc")]
    public IReadOnlyList<string>? Cc { get; init; }

    [JsonPropertyName("bcc")]
    public IReadOnlyList<string>? Bcc { get; init; }

    [JsonPropertyName("reply_to")]
    public IReadOnlyList<string>? ReplyTo { get; init; }

    [JsonPropertyName("html")]
    public string? Html { get; init; }

    /// <summary>The plain text; an empty string stops Resend from deriving one from the HTML.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<ResendAttachment>? Attachments { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<ResendTag>? Tags { get; init; }
}
