using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>An address as SendGrid writes it: <c>{"email": ..., "name": ...}</c>.</summary>
internal sealed record SendGridAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name);
