using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Resend;

/// <summary>An email of a batch that Resend could not create: its 0-based position in the request, and why.</summary>
internal sealed record ResendBatchError(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("message")] string? Message);
