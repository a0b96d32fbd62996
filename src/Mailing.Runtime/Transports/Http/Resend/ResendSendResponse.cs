using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Resend;

/// <summary>Resend's answer to an accepted email: <c>{"id": "..."}</c>; also an item of a batch's <c>data</c>.</summary>
internal sealed record ResendSendResponse(
    [property: JsonPropertyName("id")] string? Id);
