namespace Mailing;

/// <summary>
/// The metadata HTTP transports send so a provider's events can be matched to <see cref="SendResult.MessageId"/>: the
/// message's own metadata plus its Message-Id under <see cref="MailEvent.MessageIdMetadataKey"/>.
/// </summary>
/// <remarks>
/// SendGrid merges it into every event as a top-level field, Postmark returns it as <c>Metadata</c>, Mailgun as
/// <c>user-variables</c>. Resend's tags cannot hold a Message-Id (no <c>@</c> or <c>.</c>), so Resend events are matched
/// by <see cref="MailEvent.ProviderMessageId"/> alone.
/// </remarks>
internal static class MessageIdMetadata
{
    /// <summary>The metadata to send with <paramref name="message"/>, which must have its Message-Id.</summary>
    /// <param name="message">The message.</param>
    /// <param name="maxFields">The provider's limit on fields, if it has one: the id is left out rather than exceed it.</param>
    /// <param name="maxValueLength">The provider's limit on a value's length, if it has one.</param>
    public static IReadOnlyDictionary<string, string> For(EmailMessage message, int maxFields = int.MaxValue, int maxValueLength = int.MaxValue)
    {
        if (message.MessageId is not { } id || message.Metadata.Count >= maxFields || id.Length > maxValueLength)
        {
            return message.Metadata;
        }

        return new Dictionary<string, string>(message.Metadata, StringComparer.Ordinal) { [MailEvent.MessageIdMetadataKey] = id };
    }
}
