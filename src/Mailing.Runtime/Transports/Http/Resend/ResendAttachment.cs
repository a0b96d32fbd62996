using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Resend;

/// <summary>An attachment or inline image: Base64 content, and for inline ones the content id the HTML refers to.</summary>
internal sealed record ResendAttachment(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("content_type")] string ContentType)
{
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    [JsonPropertyName("content_id")]
    public string? ContentId { get; init; }
}
