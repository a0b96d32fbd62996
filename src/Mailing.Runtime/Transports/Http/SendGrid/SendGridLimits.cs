using System.Text;
using System.Text.Json;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>
/// What SendGrid's v3 mail send refuses, checked before any request is made so the caller learns what to change
/// instead of getting a 400 back (https://www.twilio.com/docs/sendgrid/api-reference/mail-send/limitations).
/// </summary>
internal static class SendGridLimits
{
    public const int MaxCategories = 10;
    public const int MaxCategoryLength = 255;
    public const int MaxRecipients = 1000;

    // "The total length of custom arguments must be less than 10000 bytes."
    public const int MaxCustomArgsBytes = 10_000;

    /// <summary>Headers SendGrid does not let a request set; the rest of its list (To, From, Subject, ...) EmailMessage already refuses.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature",
    };

    /// <exception cref="ArgumentException">SendGrid would refuse <paramref name="message"/>; the message says what to change.</exception>
    public static void ThrowIfCannotCarry(EmailMessage message)
    {
        if (message.To.Count == 0)
        {
            throw Refused("SendGrid needs at least one To recipient (Cc and Bcc alone are refused). Put one address in To, e.g. your own sending address, and the others in Bcc.");
        }

        var recipients = message.AllRecipients.DistinctBy(a => a.Address, StringComparer.OrdinalIgnoreCase).Count();
        if (recipients > MaxRecipients)
        {
            throw Refused($"SendGrid accepts at most {MaxRecipients} recipients (To, Cc and Bcc together) per message; this message has {recipients}. Split it into several messages.");
        }

        if (message.AllRecipients.FirstOrDefault(a => a.DisplayName?.AsSpan().IndexOfAny(',', ';') >= 0) is { } named)
        {
            throw Refused($"SendGrid does not accept ',' or ';' in recipient names, and {named} has one. Write the name without them, e.g. \"Ann Smith\" instead of \"Smith, Ann\".");
        }

        if (message.From is { } from && !Ascii.IsValid(from.Address.AsSpan(0, from.Address.LastIndexOf('@'))))
        {
            throw Refused($"SendGrid does not accept Unicode in the From address, and \"{from.Address}\" has a non-ASCII local part. Send from an ASCII address.");
        }

        if (string.IsNullOrEmpty(message.Subject))
        {
            throw Refused("SendGrid requires a subject; set EmailMessage.Subject.");
        }

        if (string.IsNullOrEmpty(message.TextBody) && string.IsNullOrEmpty(message.HtmlBody))
        {
            throw Refused("SendGrid requires a body; set TextBody or HtmlBody.");
        }

        if (message.Headers.Keys.FirstOrDefault(ReservedHeaders.Contains) is { } reserved)
        {
            throw Refused($"SendGrid does not let a message set the {reserved} header (it writes it itself: x-sg-id, x-sg-eid, received, dkim-signature). Remove it from Headers.");
        }

        ThrowIfTagsRefused(message);
        ThrowIfMetadataTooLarge(message);
    }

    private static void ThrowIfTagsRefused(EmailMessage message)
    {
        // SendGrid wants unique categories; a repeated tag is sent once and does not count twice.
        var tags = message.Tags.Distinct(StringComparer.Ordinal).ToArray();
        if (tags.Length > MaxCategories)
        {
            throw Refused(
                $"SendGrid accepts at most {MaxCategories} tags per message (they become its categories); this message has {tags.Length} " +
                $"({string.Join(", ", tags)}). Keep {MaxCategories} and move the rest into Metadata.");
        }

        if (tags.FirstOrDefault(t => t.Length > MaxCategoryLength) is { } longTag)
        {
            throw Refused($"SendGrid accepts tags (categories) of at most {MaxCategoryLength} characters; \"{longTag[..40]}…\" has {longTag.Length}. Shorten it, or move the detail into Metadata.");
        }
    }

    private static void ThrowIfMetadataTooLarge(EmailMessage message)
    {
        if (message.Metadata.Count == 0)
        {
            return;
        }

        // Counted as sent: with the Message-Id Mailing adds for matching events.
        var size = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(MessageIdMetadata.For(message)), SendGridJsonContext.Wire.DictionaryStringString).Length;
        if (size >= MaxCustomArgsBytes)
        {
            throw Refused($"SendGrid accepts less than {MaxCustomArgsBytes} bytes of Metadata (custom_args) per message; this message's is {size} bytes as JSON. Keep ids in Metadata and look the details up when its events arrive.");
        }
    }

    private static ArgumentException Refused(string text) => new(text, "message");
}
