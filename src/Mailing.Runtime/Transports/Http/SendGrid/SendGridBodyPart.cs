using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>One entry of the <c>content</c> array: a body in one MIME type.</summary>
internal sealed record SendGridBodyPart(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);
