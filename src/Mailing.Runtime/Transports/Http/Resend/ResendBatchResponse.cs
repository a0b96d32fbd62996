using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Resend;

/// <summary>
/// Resend's answer to a batch: the ids of the emails it created, in request order, and in permissive validation mode
/// the ones it could not create.
/// </summary>
internal sealed record ResendBatchResponse(
    [property: JsonPropertyName("data")] IReadOnlyList<ResendSendResponse>? Data,
    [property: JsonPropertyName("errors")] IReadOnlyList<ResendBatchError>? Errors);
