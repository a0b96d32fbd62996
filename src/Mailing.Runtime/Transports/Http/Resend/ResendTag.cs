using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Resend;

/// <summary>One of Resend's email tags, which come back in its webhooks.</summary>
internal sealed record ResendTag(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);
