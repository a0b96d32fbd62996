using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Resend;

/// <summary>Resend's error body: <c>{"statusCode": 403, "name": "validation_error", "message": "..."}</c>.</summary>
internal sealed record ResendErrorResponse(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("message")] string? Message);
