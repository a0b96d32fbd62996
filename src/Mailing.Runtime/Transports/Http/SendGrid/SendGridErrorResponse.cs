using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>SendGrid's error body: <c>{"errors": [{"message": ..., "field": ..., "help": ...}]}</c>.</summary>
internal sealed record SendGridErrorResponse(
    [property: JsonPropertyName("errors")] IReadOnlyList<SendGridError>? Errors);
