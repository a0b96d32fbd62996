using System.Text.Json;

namespace Mailing.Transports.Http.SendGrid;

/// <summary>Turns an <see cref="EmailMessage"/> into the JSON of SendGrid's v3 mail send.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>One personalization holds To, Cc and Bcc. SendGrid refuses an address that appears twice across them, so
/// each address is kept once, in the first of To, Cc, Bcc it appears in (the recipient still gets one copy).</item>
/// <item><c>content</c> lists <c>text/plain</c> before <c>text/html</c>, as SendGrid requires; the text is derived
/// from the HTML when the message has none. An empty body is left out (SendGrid refuses empty values).</item>
/// <item>Attachments and inline images are Base64; inline ones carry <c>disposition: inline</c> and <c>content_id</c>.</item>
/// <item>Tags become <c>categories</c>, Metadata <c>custom_args</c> (with the Message-Id as <c>mailing_message_id</c>, so
/// events can be matched to the send); the Message-Id and the priority go in <c>headers</c>.</item>
/// </list>
/// </remarks>
internal static class SendGridPayload
{
    private const string PlainText = "text/plain";
    private const string Html = "text/html";
    private const string AttachmentDisposition = "attachment";
    private const string InlineDisposition = "inline";

    /// <summary>Writes the request body for <paramref name="message"/>, reading the streams from <see cref="AttachmentStreams.Open"/> as it goes.</summary>
    public static async Task WriteAsync(Stream stream, EmailMessage message, IReadOnlyList<Stream> attachments, CancellationToken cancellationToken)
    {
        var request = await CreateAsync(message, attachments, cancellationToken).ConfigureAwait(false);
        await JsonSerializer.SerializeAsync(stream, request, SendGridJsonContext.Wire.SendGridMailRequest, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SendGridMailRequest> CreateAsync(EmailMessage message, IReadOnlyList<Stream> attachments, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var personalization = new SendGridPersonalization(Unique(message.To, seen))
        {
            Cc = NullIfEmpty(Unique(message.Cc, seen)),
            Bcc = NullIfEmpty(Unique(message.Bcc, seen)),
        };

        var replyTo = Unique(message.ReplyTo, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        return new SendGridMailRequest([personalization], Sender(message.From!), message.Subject, Content(message))
        {
            ReplyTo = replyTo.Count == 1 ? replyTo[0] : null,
            ReplyToList = replyTo.Count > 1 ? replyTo : null,
            Attachments = NullIfEmpty(await AttachmentsAsync(message, attachments, cancellationToken).ConfigureAwait(false)),
            Headers = Headers(message),
            Categories = message.Tags.Count == 0 ? null : message.Tags.Distinct(StringComparer.Ordinal).ToArray(),
            CustomArgs = MessageIdMetadata.For(message) is { Count: > 0 } customArgs ? customArgs : null,
        };
    }

    /// <summary>The plain-text body SendGrid receives: the message's own, or one derived from its HTML.</summary>
    private static string? TextBody(EmailMessage message) =>
        message.TextBody ?? (message.HtmlBody is null ? null : HtmlToTextConverter.Convert(message.HtmlBody));

    // SendGrid does not take Unicode in the from field: the domain goes as punycode (the local part is checked beforehand).
    private static SendGridAddress Sender(EmailAddress from)
    {
        var at = from.Address.LastIndexOf('@');
        var address = string.Concat(from.Address.AsSpan(0, at + 1), EmailAddressValidator.ToAsciiDomain(from.Domain));
        return new SendGridAddress(address, from.DisplayName);
    }

    private static List<SendGridAddress> Unique(IReadOnlyList<EmailAddress> addresses, HashSet<string> seen)
    {
        var unique = new List<SendGridAddress>(addresses.Count);
        foreach (var address in addresses)
        {
            if (seen.Add(address.Address))
            {
                unique.Add(new SendGridAddress(address.Address, address.DisplayName));
            }
        }

        return unique;
    }

    private static List<SendGridBodyPart> Content(EmailMessage message)
    {
        var content = new List<SendGridBodyPart>(2);
        if (TextBody(message) is { Length: > 0 } text)
        {
            content.Add(new SendGridBodyPart(PlainText, text));
        }

        if (message.HtmlBody is { Length: > 0 } html)
        {
            content.Add(new SendGridBodyPart(Html, html));
        }

        return content;
    }

    private static async Task<List<SendGridAttachment>> AttachmentsAsync(EmailMessage message, IReadOnlyList<Stream> streams, CancellationToken cancellationToken)
    {
        var attachments = new List<SendGridAttachment>(streams.Count);
        foreach (var attachment in message.Attachments)
        {
            var content = await ReadBase64Async(streams[attachments.Count], cancellationToken).ConfigureAwait(false);
            attachments.Add(new SendGridAttachment(content, attachment.FileName, attachment.ContentType, AttachmentDisposition));
        }

        foreach (var resource in message.InlineResources)
        {
            var content = await ReadBase64Async(streams[attachments.Count], cancellationToken).ConfigureAwait(false);
            attachments.Add(new SendGridAttachment(content, resource.FileName ?? resource.ContentId, resource.ContentType, InlineDisposition)
            {
                ContentId = resource.ContentId,
            });
        }

        return attachments;
    }

    private static async Task<string> ReadBase64Async(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Dictionary<string, string> Headers(EmailMessage message)
    {
        var headers = new Dictionary<string, string>(message.Headers, StringComparer.OrdinalIgnoreCase);

        foreach (var (name, value) in PriorityHeaders.For(message.Priority).Concat(UnsubscribeHeaders.For(message)))
        {
            headers[name] = value;
        }

        headers["Message-ID"] = $"<{message.MessageId}>";
        return headers;
    }

    private static List<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;
}
