using System.Text.Json;

namespace Mailing.Transports.Http.Resend;

/// <summary>Turns an <see cref="EmailMessage"/> into the JSON of Resend's send email.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Addresses are written <c>Name &lt;address&gt;</c>, the name quoted when it holds punctuation.</item>
/// <item>The text is the message's own or derived from its HTML (as over SMTP, so every transport sends the same text);
/// an explicitly empty text stays empty, which stops Resend deriving one.</item>
/// <item>Attachments and inline images are Base64; inline ones carry <c>content_id</c>.</item>
/// <item>Tags become tags named after the tag with the value <c>true</c>; Metadata becomes tags named after its keys.</item>
/// <item>The priority goes in <c>headers</c>. The Message-Id does not: Resend assigns its own.</item>
/// </list>
/// </remarks>
internal static class ResendPayload
{
    /// <summary>The value a plain tag is sent with: Resend's tags are name/value pairs and a label has no value of its own.</summary>
    public const string TagValue = "true";

    /// <summary>Writes the body of <c>POST /emails</c>, reading the streams from <see cref="AttachmentStreams.Open"/> as it goes.</summary>
    public static async Task WriteAsync(Stream stream, EmailMessage message, IReadOnlyList<Stream> attachments, CancellationToken cancellationToken)
    {
        var encoded = await AttachmentsAsync(message, attachments, cancellationToken).ConfigureAwait(false);
        var request = Create(message) with { Attachments = encoded.Count == 0 ? null : encoded };
        await JsonSerializer.SerializeAsync(stream, request, ResendJsonContext.Wire.ResendEmailRequest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the body of <c>POST /emails/batch</c>; batched messages have no attachments.</summary>
    public static Task WriteBatchAsync(Stream stream, IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, messages.Select(Create).ToArray(), ResendJsonContext.Wire.ResendEmailRequestArray, cancellationToken);

    /// <summary>The request for <paramref name="message"/> without its attachments.</summary>
    public static ResendEmailRequest Create(EmailMessage message) => new(Format(message.From!), Format(message.To)!, message.Subject)
    {
        Cc = Format(message.Cc),
        Bcc = Format(message.Bcc),
        ReplyTo = Format(message.ReplyTo),
        Html = message.HtmlBody,
        Text = TextBody(message),
        Headers = Headers(message),
        Tags = Tags(message),
    };

    /// <summary>The plain-text body Resend receives: the message's own, or one derived from its HTML.</summary>
    private static string? TextBody(EmailMessage message) =>
        message.TextBody ?? (message.HtmlBody is null ? null : HtmlToTextConverter.Convert(message.HtmlBody));

    /// <summary>The tags Resend receives: one per tag (value <see cref="TagValue"/>), then one per metadata entry.</summary>
    public static IReadOnlyList<ResendTag>? Tags(EmailMessage message)
    {
        if (message.Tags.Count == 0 && message.Metadata.Count == 0)
        {
            return null;
        }

        return message.Tags.Distinct(StringComparer.Ordinal).Select(tag => new ResendTag(tag, TagValue))
            .Concat(message.Metadata.Select(pair => new ResendTag(pair.Key, pair.Value)))
            .ToArray();
    }

    private static string[]? Format(IReadOnlyList<EmailAddress> addresses) =>
        addresses.Count == 0 ? null : addresses.Select(Format).ToArray();

    private static string Format(EmailAddress address)
    {
        if (string.IsNullOrEmpty(address.DisplayName))
        {
            return address.Address;
        }

        var name = address.DisplayName;
        if (name.Any(c => c is '"' or '\\' or '<' or '>' or '(' or ')' or '[' or ']' or ',' or ';' or ':' or '@' or '.'))
        {
            name = $"\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        }

        return $"{name} <{address.Address}>";
    }

    private static Dictionary<string, string>? Headers(EmailMessage message)
    {
        var headers = new Dictionary<string, string>(message.Headers, StringComparer.OrdinalIgnoreCase);

        foreach (var (name, value) in PriorityHeaders.For(message.Priority).Concat(UnsubscribeHeaders.For(message)))
        {
            headers[name] = value;
        }

        return headers.Count == 0 ? null : headers;
    }

    private static async Task<List<ResendAttachment>> AttachmentsAsync(EmailMessage message, IReadOnlyList<Stream> streams, CancellationToken cancellationToken)
    {
        var attachments = new List<ResendAttachment>(streams.Count);
        foreach (var attachment in message.Attachments)
        {
            var content = await ReadBase64Async(streams[attachments.Count], cancellationToken).ConfigureAwait(false);
            attachments.Add(new ResendAttachment(content, attachment.ContentType) { FileName = attachment.FileName });
        }

        foreach (var resource in message.InlineResources)
        {
            var content = await ReadBase64Async(streams[attachments.Count], cancellationToken).ConfigureAwait(false);
            attachments.Add(new ResendAttachment(content, resource.ContentType) { FileName = resource.FileName, ContentId = resource.ContentId });
        }

        return attachments;
    }

    private static async Task<string> ReadBase64Async(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
