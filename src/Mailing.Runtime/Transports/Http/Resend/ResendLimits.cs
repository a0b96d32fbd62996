using System.Text.RegularExpressions;

namespace Mailing.Transports.Http.Resend;

/// <summary>
/// What Resend's send email refuses, checked before any request is made so the caller learns what to change instead
/// of getting a validation error back (https://resend.com/docs/api-reference/emails/send-email).
/// </summary>
internal static partial class ResendLimits
{
    public const int MaxTo = 50;
    public const int MaxTagText = 256;
    public const int MaxIdempotencyKeyLength = 256;

    // "The ID ... must be less than 128 characters."
    public const int MaxContentIdLength = 127;

    // "max 40MB per email, after Base64 encoding of the attachments"
    public const long MaxEncodedAttachmentBytes = 40L * 1024 * 1024;

    /// <exception cref="ArgumentException">Resend would refuse <paramref name="message"/>; the message says what to change.</exception>
    public static void ThrowIfCannotCarry(EmailMessage message)
    {
        if (message.To.Count == 0)
        {
            throw Refused("Resend needs at least one To recipient (Cc and Bcc alone are refused). Put one address in To, e.g. your own sending address, and the others in Bcc.");
        }

        if (message.To.Count > MaxTo)
        {
            throw Refused($"Resend accepts at most {MaxTo} To recipients per message; this message has {message.To.Count}. Split it into several messages, or send each recipient their own.");
        }

        if (string.IsNullOrEmpty(message.HtmlBody) && string.IsNullOrEmpty(message.TextBody))
        {
            throw Refused("Resend requires a body; set HtmlBody or TextBody.");
        }

        if (message.IdempotencyKey is { } key && key.Length is 0 or > MaxIdempotencyKeyLength)
        {
            throw Refused($"Resend accepts idempotency keys of 1 to {MaxIdempotencyKeyLength} characters; this one has {key.Length}. Use a shorter key, e.g. \"order-confirmation/1042\".");
        }

        // The key travels as the Idempotency-Key HTTP header, and HTTP header values are ASCII.
        if (message.IdempotencyKey is { } headerKey && !headerKey.All(c => c is >= ' ' and <= '~'))
        {
            throw Refused($"Resend receives the idempotency key as an HTTP header, which takes only printable ASCII; \"{headerKey}\" has other characters. Build the key from ids, e.g. \"order-confirmation/1042\".");
        }

        if (message.InlineResources.FirstOrDefault(r => r.ContentId.Length > MaxContentIdLength) is { } resource)
        {
            throw Refused($"Resend accepts inline content ids shorter than 128 characters; \"{resource.ContentId[..40]}…\" has {resource.ContentId.Length}. Use a short id such as \"logo\".");
        }

        ThrowIfTagsRefused(message);
        ThrowIfAttachmentsTooLarge(message);
    }

    private static void ThrowIfTagsRefused(EmailMessage message)
    {
        foreach (var tag in message.Tags)
        {
            if (!TagText().IsMatch(tag))
            {
                throw Refused(
                    $"Tag '{tag}' cannot be sent to Resend: its tag names allow only ASCII letters, digits, '_' and '-' (1 to {MaxTagText} characters). " +
                    "Write it as e.g. 'order_receipt'.");
            }

            if (message.Metadata.ContainsKey(tag))
            {
                throw Refused($"Tag '{tag}' is also a Metadata key; Resend would receive two tags named '{tag}'. Rename one of them.");
            }
        }

        foreach (var (key, value) in message.Metadata)
        {
            if (!TagText().IsMatch(key) || !TagText().IsMatch(value))
            {
                throw Refused(
                    $"Metadata '{key}' cannot be sent to Resend, which carries it as a tag: tag names and values allow only ASCII letters, digits, '_' and '-' " +
                    $"(1 to {MaxTagText} characters). Change the key or value, e.g. an id instead of a name.");
            }
        }
    }

    private static void ThrowIfAttachmentsTooLarge(EmailMessage message)
    {
        // Files are read only when sent, so only sizes known now are counted; Resend refuses the rest itself.
        var bytes = message.Attachments.Sum(a => a.Length ?? 0) + message.InlineResources.Sum(r => r.Content.Length ?? 0);
        var encoded = (bytes + 2) / 3 * 4;
        if (encoded > MaxEncodedAttachmentBytes)
        {
            throw Refused($"Resend accepts at most 40 MB of attachments per message after Base64 encoding; this message has {encoded / (1024 * 1024)} MB. Send large files as links.");
        }
    }

    private static ArgumentException Refused(string text) => new(text, "message");

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagText();
}
