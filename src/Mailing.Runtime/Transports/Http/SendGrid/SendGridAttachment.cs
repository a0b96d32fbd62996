using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>An attachment or inline image: Base64 content, and for inline ones the content id the HTML refers to.</summary>
internal sealed record SendGridAttachment(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("filename")] string FileName,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("disposition")] string Disposition)
{
    [JsonPropertyName("content_id")]
    public string? ContentId { get; init; }
}
