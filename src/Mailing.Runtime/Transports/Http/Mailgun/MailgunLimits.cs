using System.Text;

namespace Mailing.Transports.Http.Mailgun;

/// <summary>
/// Mailgun's documented per-message limits, checked before anything is sent so a message Mailgun would refuse fails at
/// once with what to change.
/// </summary>
/// <remarks>
/// Sources: the tagging guide ("up to 3 tags", "maximum length of characters is 128"), the messages API reference ("Send
/// options (parameters starting with o:, h:, v:, or t:) are limited to 16KB total"), the HTTP sending guide ("The maximum
/// message size Mailgun supports is 25MB") and the batch-sending guide (1,000 recipients per call).
/// </remarks>
internal static class MailgunLimits
{
    public const int MaxRecipients = 1000;
    public const int MaxTags = 3;
    public const int MaxTagLength = 128;
    public const int MaxOptionBytes = 16 * 1024;

    // "25MB" is not defined further; the larger reading is checked so nothing Mailgun would take is refused.
    public const long MaxMessageBytes = 25L * 1024 * 1024;

    /// <summary>Throws when Mailgun cannot carry <paramref name="message"/> as it is.</summary>
    /// <exception cref="ArgumentException">Too many recipients or tags, a tag too long, headers and metadata over 16 KB, or more than 25 MB of content.</exception>
    public static void ThrowIfCannotCarry(EmailMessage message)
    {
        var recipients = message.To.Count + message.Cc.Count + message.Bcc.Count;
        if (recipients > MaxRecipients)
        {
            throw new ArgumentException(
                $"Mailgun accepts at most {MaxRecipients} recipients per message, To, Cc and Bcc together; this message has {recipients}. Split it into several messages.",
                nameof(message));
        }

        if (message.Tags.Count > MaxTags)
        {
            throw new ArgumentException(
                $"Mailgun accepts at most {MaxTags} tags per message; this message has {message.Tags.Count} ({string.Join(", ", message.Tags)}). " +
                $"Keep {MaxTags} and move the rest into Metadata.",
                nameof(message));
        }

        if (message.Tags.FirstOrDefault(tag => tag.Length > MaxTagLength) is { } longTag)
        {
            throw new ArgumentException(
                $"Mailgun accepts tags of at most {MaxTagLength} characters; the tag \"{longTag[..20]}…\" has {longTag.Length}. Shorten it, and put long values into Metadata.",
                nameof(message));
        }

        var optionBytes = MailgunMessageForm.OptionFields(message).Sum(field => Encoding.UTF8.GetByteCount(field.Key) + Encoding.UTF8.GetByteCount(field.Value));
        if (optionBytes > MaxOptionBytes)
        {
            throw new ArgumentException(
                $"Mailgun accepts at most 16 KB of headers, tags and metadata (its h:, o: and v: fields) per message; this message has {optionBytes} bytes. " +
                "Send fewer or shorter headers and metadata values.",
                nameof(message));
        }

        // Files attached by path have no length until they are read; Mailgun's own refusal covers those.
        var contentBytes = Encoding.UTF8.GetByteCount(message.HtmlBody ?? "") + Encoding.UTF8.GetByteCount(message.TextBody ?? "")
            + message.Attachments.Sum(a => a.Length ?? 0) + message.InlineResources.Sum(r => r.Content.Length ?? 0);
        if (contentBytes > MaxMessageBytes)
        {
            throw new ArgumentException(
                $"The message has {contentBytes / (1024 * 1024)} MB of bodies and attachments, over Mailgun's 25 MB limit per message. " +
                "Make the attachments smaller, or link to the files instead of attaching them.",
                nameof(message));
        }
    }
}
