namespace Mailing.Transports.Http.Postmark;

/// <summary>
/// Postmark's documented per-message and per-call limits, checked before anything is sent so a message Postmark would
/// refuse fails at once with what to change.
/// </summary>
/// <remarks>
/// Sources: the Email API reference (To/Cc/Bcc "Max 50", Tag "Max characters 1000", batch "up to 500 messages ... and up to
/// 50 MB payload"), the API overview (HTTP 413 above 10 MB for the Email API), the support articles on ErrorCode 300
/// ("a limit of 50 recipients per message ... any collection of TO, CC, and BCC") and on custom metadata (no keys that differ only in case).
/// </remarks>
internal static class PostmarkLimits
{
    public const int MaxRecipients = 50;
    public const int MaxTags = 1;
    public const int MaxTagLength = 1000;
    public const int MaxBatchMessages = 500;

    // The custom metadata FAQ: at most 10 fields per message, values of at most 80 characters. Only Mailing's own
    // Message-Id field is kept within them (it is left out rather than make Postmark refuse the message).
    public const int MaxMetadataFields = 10;
    public const int MaxMetadataValueLength = 80;

    // Postmark says "10 MB" and "50 MB" without defining MB; the larger reading is checked here so nothing Postmark
    // would accept is refused, and Postmark's own HTTP 413 covers the rest.
    public const long MaxRequestBytes = 10L * 1024 * 1024;
    public const long MaxBatchRequestBytes = 50L * 1024 * 1024;

    /// <summary>Throws when Postmark cannot carry <paramref name="message"/> as it is.</summary>
    /// <exception cref="ArgumentException">Too many recipients or tags, a tag too long, or metadata keys that differ only in case.</exception>
    public static void ThrowIfCannotCarry(EmailMessage message)
    {
        var recipients = message.To.Count + message.Cc.Count + message.Bcc.Count;
        if (recipients > MaxRecipients)
        {
            throw new ArgumentException(
                $"Postmark accepts at most {MaxRecipients} recipients per message, To, Cc and Bcc together; this message has {recipients}. " +
                "Send one message per recipient (or per group of up to 50), e.g. through the batch endpoint.",
                nameof(message));
        }

        if (message.Tags.Count > MaxTags)
        {
            throw new ArgumentException(
                $"Postmark accepts at most {MaxTags} tag per message; this message has {message.Tags.Count} ({string.Join(", ", message.Tags)}). " +
                $"Keep {MaxTags} and move the rest into Metadata.",
                nameof(message));
        }

        if (message.Tags.Count == 1 && message.Tags[0].Length > MaxTagLength)
        {
            throw new ArgumentException(
                $"Postmark accepts tags of at most {MaxTagLength} characters; this message's tag has {message.Tags[0].Length}. " +
                "Shorten it, and put long values into Metadata.",
                nameof(message));
        }

        var clash = message.Metadata.Keys.GroupBy(key => key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException(
                $"Postmark refuses metadata keys that differ only in case; this message has {string.Join(" and ", clash.Select(key => $"'{key}'"))}. " +
                "Use one spelling.",
                nameof(message));
        }
    }

    /// <summary>Throws when one message's request body is larger than Postmark's Email API takes.</summary>
    /// <exception cref="ArgumentException">The body is over <see cref="MaxRequestBytes"/>.</exception>
    public static void ThrowIfTooLarge(long requestBytes)
    {
        if (requestBytes > MaxRequestBytes)
        {
            throw new ArgumentException(
                $"The message is {Megabytes(requestBytes)} as Postmark's JSON (attachments base64-encoded), over Postmark's 10 MB limit per message. " +
                "Make the attachments smaller, or link to the files instead of attaching them.",
                "message");
        }
    }

    /// <summary>Throws when a batch is larger, in messages or bytes, than Postmark's batch endpoint takes.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBatchMessages"/> messages, or a body over <see cref="MaxBatchRequestBytes"/>.</exception>
    public static void ThrowIfBatchTooLarge(int messages, long requestBytes)
    {
        if (messages > MaxBatchMessages)
        {
            throw new ArgumentException(
                $"Postmark's batch endpoint takes at most {MaxBatchMessages} messages per call; {messages} were given. Split them into batches of {MaxBatchMessages}.",
                nameof(messages));
        }

        if (requestBytes > MaxBatchRequestBytes)
        {
            throw new ArgumentException(
                $"The batch is {Megabytes(requestBytes)} as Postmark's JSON (attachments base64-encoded), over Postmark's 50 MB limit per batch call. " +
                "Split it into smaller batches.",
                "messages");
        }
    }

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
