using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.Postmark;

/// <summary>
/// What Postmark answers for one message: <c>{"ErrorCode":0,"Message":"OK","MessageID":"...","SubmittedAt":"...","To":"..."}</c>
/// on success, <c>{"ErrorCode":406,"Message":"..."}</c> on failure (the body of an HTTP 422, or one element of a batch answer).
/// </summary>
internal sealed record PostmarkResponse
{
    /// <summary>0 for success; otherwise one of <see cref="PostmarkErrorCode"/>.</summary>
    public int ErrorCode { get; init; }

    public string? Message { get; init; }

    [JsonPropertyName("MessageID")]
    public string? MessageId { get; init; }

    public string? SubmittedAt { get; init; }

    public string? To { get; init; }
}
