using System.Text.Json;

namespace Mailing.Transports.Http.Postmark;

/// <summary>Turns an <see cref="EmailMessage"/> into the JSON Postmark's Email API takes; no MIME is built.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Addresses become comma-separated <c>Name &lt;address&gt;</c> lists (display names quoted where they need it).</item>
/// <item>The text body is derived from the HTML when the message has none, as over SMTP.</item>
/// <item>The Message-Id, <see cref="EmailMessage.Sender"/>, the priority and unsubscribe headers and the message's own headers go in <c>Headers</c>.</item>
/// <item>The first tag becomes <c>Tag</c>, metadata becomes <c>Metadata</c>, with the Message-Id as <c>mailing_message_id</c>
/// (when it fits Postmark's limits) so events can be matched to the send.</item>
/// <item>Inline resources are attachments with <c>ContentID</c> <c>cid:&lt;id&gt;</c>, which is how Postmark embeds them.</item>
/// </list>
/// </remarks>
internal static class PostmarkPayload
{
    private const string ContentIdPrefix = "cid:";

    /// <summary>The request for <paramref name="message"/>, which must have its Message-Id and a From address.</summary>
    /// <param name="message">The message; its attachments are read now.</param>
    /// <param name="messageStream">The stream to send through, or <see langword="null"/> for the server's default.</param>
    public static PostmarkEmailRequest Create(EmailMessage message, string? messageStream) => new()
    {
        From = message.From!.ToString(),
        To = JoinOrNull(message.To),
        Cc = JoinOrNull(message.Cc),
        Bcc = JoinOrNull(message.Bcc),
        ReplyTo = JoinOrNull(message.ReplyTo),
        Subject = message.Subject,
        HtmlBody = message.HtmlBody,
        TextBody = message.TextBody ?? (message.HtmlBody is null ? "" : HtmlToTextConverter.Convert(message.HtmlBody)),
        Headers = CreateHeaders(message),
        Attachments = CreateAttachments(message),
        Tag = message.Tags.Count > 0 ? message.Tags[0] : null,
        Metadata = MessageIdMetadata.For(message, PostmarkLimits.MaxMetadataFields, PostmarkLimits.MaxMetadataValueLength) is { Count: > 0 } metadata ? metadata : null,
        MessageStream = messageStream,
    };

    public static byte[] Serialize(PostmarkEmailRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, PostmarkJsonContext.Default.PostmarkEmailRequest);

    public static byte[] Serialize(PostmarkEmailRequest[] batch) =>
        JsonSerializer.SerializeToUtf8Bytes(batch, PostmarkJsonContext.Default.PostmarkEmailRequestArray);

    private static string? JoinOrNull(IReadOnlyList<EmailAddress> addresses) =>
        addresses.Count == 0 ? null : string.Join(", ", addresses);

    private static List<PostmarkHeader> CreateHeaders(EmailMessage message)
    {
        // Postmark's body has no Message-Id field; integrations pass it in Headers (laravel-postmark #44), so receivers
        // see the id SendResult reports and a resend keeps it. Postmark's own id comes back as MessageID.
        var headers = new List<PostmarkHeader>(message.Headers.Count + 5) { new("Message-ID", $"<{message.MessageId}>") };
        if (message.Sender is not null)
        {
            headers.Add(new("Sender", message.Sender.ToString()));
        }

        headers.AddRange(PriorityHeaders.For(message.Priority).Concat(UnsubscribeHeaders.For(message)).Select(h => new PostmarkHeader(h.Key, h.Value)));

        foreach (var (name, value) in message.Headers)
        {
            headers.Add(new(name, value));
        }

        return headers;
    }

    private static List<PostmarkAttachment>? CreateAttachments(EmailMessage message)
    {
        if (message.Attachments.Count == 0 && message.InlineResources.Count == 0)
        {
            return null;
        }

        var attachments = new List<PostmarkAttachment>(message.Attachments.Count + message.InlineResources.Count);
        foreach (var attachment in message.Attachments)
        {
            using var content = attachment.OpenRead();
            attachments.Add(new(attachment.FileName, ReadBase64(content), attachment.ContentType));
        }

        foreach (var resource in message.InlineResources)
        {
            using var content = resource.OpenRead();
            attachments.Add(new(resource.FileName ?? resource.ContentId, ReadBase64(content), resource.ContentType, ContentIdPrefix + resource.ContentId));
        }

        return attachments;
    }

    // The base transport builds requests synchronously, and Postmark's JSON carries every attachment base64-encoded
    // in the body, so the bytes are read here, once per send.
    private static string ReadBase64(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
