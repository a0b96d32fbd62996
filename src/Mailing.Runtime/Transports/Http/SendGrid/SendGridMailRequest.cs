using System.Text.Json.Serialization;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>The body of <c>POST /v3/mail/send</c> for one message (one personalization).</summary>
internal sealed record SendGridMailRequest(
    [property: JsonPropertyName("personalizations")] IReadOnlyList<SendGridPersonalization> Personalizations,
    [property: JsonPropertyName("from")] SendGridAddress From,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("content")] IReadOnlyList<SendGridBodyPart> Content)
{
    /// <summary>Set when there is exactly one reply-to address; SendGrid refuses a request that has this and <see cref="ReplyToList"/>.</summary>
    [JsonPropertyName("reply_to")]
    public SendGridAddress? ReplyTo { get; init; }

    [JsonPropertyName("reply_to_list")]
    public IReadOnlyList<SendGridAddress>? ReplyToList { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<SendGridAttachment>? Attachments { get; init; }

    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    [JsonPropertyName("categories")]
    public IReadOnlyList<string>? Categories { get; init; }

    [JsonPropertyName("custom_args")]
    public IReadOnlyDictionary<string, string>? CustomArgs { get; init; }
}
