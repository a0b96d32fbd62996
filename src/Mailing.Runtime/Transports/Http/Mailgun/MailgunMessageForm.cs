using System.Net.Http.Headers;

namespace Mailing.Transports.Http.Mailgun;

/// <summary>Turns an <see cref="EmailMessage"/> into the <c>multipart/form-data</c> fields Mailgun's messages API takes; no MIME message is built.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>to</c>, <c>cc</c> and <c>bcc</c> repeat, one address each; <c>from</c>, <c>subject</c>, <c>text</c> (derived from the HTML when the message has none) and <c>html</c>.</item>
/// <item>Reply-To, the Message-Id, <see cref="EmailMessage.Sender"/>, the priority and unsubscribe headers and the message's own headers become <c>h:</c> fields.</item>
/// <item>Each tag is an <c>o:tag</c>, each metadata pair a <c>v:key</c> (Mailgun returns them as <c>user-variables</c> in
/// webhooks), and the Message-Id a <c>v:mailing_message_id</c> so events can be matched to the send.</item>
/// <item>Attachments are <c>attachment</c> file parts; inline resources are <c>inline</c> file parts whose file name is the content id, which Mailgun uses as the <c>Content-ID</c>.</item>
/// </list>
/// </remarks>
internal static class MailgunMessageForm
{
    public const string HeaderPrefix = "h:";
    public const string TagField = "o:tag";
    public const string VariablePrefix = "v:";

    /// <summary>The form for <paramref name="message"/>, which must have its Message-Id and a From address; attachment files are opened now and read as the form is sent.</summary>
    public static MultipartFormDataContent Create(EmailMessage message)
    {
        var form = new MultipartFormDataContent();
        try
        {
            Add(form, "from", message.From!.ToString());
            AddAll(form, "to", message.To);
            AddAll(form, "cc", message.Cc);
            AddAll(form, "bcc", message.Bcc);
            Add(form, "subject", message.Subject);
            Add(form, "text", message.TextBody ?? (message.HtmlBody is null ? "" : HtmlToTextConverter.Convert(message.HtmlBody)));
            if (message.HtmlBody is not null)
            {
                Add(form, "html", message.HtmlBody);
            }

            foreach (var (name, value) in OptionFields(message))
            {
                Add(form, name, value);
            }

            foreach (var attachment in message.Attachments)
            {
                AddFile(form, "attachment", attachment.FileName, attachment.ContentType, attachment.OpenRead());
            }

            foreach (var resource in message.InlineResources)
            {
                AddFile(form, "inline", resource.ContentId, resource.ContentType, resource.OpenRead());
            }

            return form;
        }
        catch
        {
            form.Dispose();
            throw;
        }
    }

    /// <summary>The <c>h:</c>, <c>o:</c> and <c>v:</c> fields of <paramref name="message"/>, which Mailgun limits to 16 KB together.</summary>
    public static IEnumerable<KeyValuePair<string, string>> OptionFields(EmailMessage message)
    {
        if (message.ReplyTo.Count > 0)
        {
            yield return new(HeaderPrefix + "Reply-To", string.Join(", ", message.ReplyTo));
        }

        if (message.MessageId is not null)
        {
            yield return new(HeaderPrefix + "Message-Id", $"<{message.MessageId}>");
        }

        if (message.Sender is not null)
        {
            yield return new(HeaderPrefix + "Sender", message.Sender.ToString());
        }

        foreach (var (name, value) in PriorityHeaders.For(message.Priority).Concat(UnsubscribeHeaders.For(message)))
        {
            yield return new(HeaderPrefix + name, value);
        }

        foreach (var (name, value) in message.Headers)
        {
            yield return new(HeaderPrefix + name, value);
        }

        foreach (var tag in message.Tags)
        {
            yield return new(TagField, tag);
        }

        foreach (var (key, value) in MessageIdMetadata.For(message))
        {
            yield return new(VariablePrefix + key, value);
        }
    }

    private static void Add(MultipartFormDataContent form, string name, string value) => form.Add(new StringContent(value), name);

    private static void AddAll(MultipartFormDataContent form, string name, IReadOnlyList<EmailAddress> addresses)
    {
        foreach (var address in addresses)
        {
            Add(form, name, address.ToString());
        }
    }

    private static void AddFile(MultipartFormDataContent form, string name, string fileName, string contentType, Stream content)
    {
        var part = new StreamContent(content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(part, name, fileName);
    }
}
