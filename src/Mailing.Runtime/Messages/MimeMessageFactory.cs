using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Mailing;

/// <summary>
/// Turns an <see cref="EmailMessage"/> into the MIME tree transports that speak MIME (SMTP, pickup
/// directory) write:
/// <code>
/// multipart/mixed                   only with attachments
///   multipart/alternative           only with both text and HTML
///     text/plain                    given, or derived from the HTML
///     multipart/related             only with inline resources
///       text/html
///       image/png (Content-Id)      one per inline resource
///   application/pdf (attachment)    one per attachment
/// </code>
/// </summary>
internal static class MimeMessageFactory
{
    /// <summary>Builds the MIME message, with Message-Id and Date set.</summary>
    /// <remarks>Dispose the result: attachments read from files keep their streams open until then.</remarks>
    /// <param name="message">The message; it must have <see cref="EmailMessage.From"/> and at least one recipient.</param>
    /// <param name="timeProvider">The clock for the Date header; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The message has no sender, no recipients, or inline resources without HTML.</exception>
    public static MimeMessage Create(EmailMessage message, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfNotSendable(message);

        var mime = new MimeMessage();
        mime.From.Add(message.From!.ToMailboxAddress());
        if (message.Sender is not null)
        {
            mime.Sender = message.Sender.ToMailboxAddress();
        }

        AddAll(mime.ReplyTo, message.ReplyTo);
        AddAll(mime.To, message.To);
        AddAll(mime.Cc, message.Cc);
        AddAll(mime.Bcc, message.Bcc);
        EncodedWordLookalikeEncoder.Set(mime.Headers, "Subject", message.Subject);
        mime.Date = (timeProvider ?? TimeProvider.System).GetUtcNow();
        mime.MessageId = message.MessageId ?? CreateMessageId(message);
        SetPriority(mime, message.Priority);

        foreach (var (name, value) in message.Headers)
        {
            EncodedWordLookalikeEncoder.Set(mime.Headers, name, value);
        }

        // URLs, written as they are: an encoded word here would hide the link from the mailbox provider.
        foreach (var (name, value) in UnsubscribeHeaders.For(message))
        {
            mime.Headers.Replace(name, value);
        }

        mime.Body = CreateBody(message);
        if (mime.Body is TransferEncodedTextPart whole)
        {
            whole.IsMessageBody = true;
        }

        return mime;
    }

    /// <summary>
    /// A Message-Id in the sender's domain. With an idempotency key the id is derived from the key, so a
    /// message resent after a failure keeps its id and receivers can recognise the duplicate.
    /// </summary>
    public static string CreateMessageId(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var domain = message.From is { } from ? EmailAddressValidator.ToAsciiDomain(from.Domain) : "localhost";
        if (message.IdempotencyKey is { } key)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            return $"{Convert.ToHexString(hash, 0, 16).ToLowerInvariant()}@{domain}";
        }

        // 128 random bits in lowercase base32: unique without a clock or a counter, and safe in any header.
        Span<byte> random = stackalloc byte[16];
        CryptoRandomBuffer.Fill(random);
        Span<char> id = stackalloc char[26];
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var b in random)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                id[written++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        id[written++] = Alphabet[(buffer << (5 - bits)) & 31];
        return string.Concat(id[..written], "@", domain);
    }

    /// <summary>
    /// Throws when a message lacks what every transport needs: a sender and a recipient, HTML for inline resources, and
    /// an unsubscribe link when it is bulk mail.
    /// </summary>
    /// <exception cref="ArgumentException">The message cannot be sent; the message says what to add.</exception>
    public static void ThrowIfNotSendable(EmailMessage message)
    {
        if (message.From is null)
        {
            throw new ArgumentException("The message has no From address: set EmailMessage.From, or configure Mailing:From so the mailer fills it in.", nameof(message));
        }

        if (message.To.Count + message.Cc.Count + message.Bcc.Count == 0)
        {
            throw new ArgumentException("The message has no recipients: add at least one address to To, Cc or Bcc.", nameof(message));
        }

        if (message.InlineResources.Count > 0 && message.HtmlBody is null)
        {
            throw new ArgumentException("The message has inline resources but no HtmlBody to show them: inline resources are referenced from HTML as src=\"cid:<ContentId>\"; send them as Attachments instead.", nameof(message));
        }

        UnsubscribeHeaders.ThrowIfInconsistent(message);
    }

    private static void AddAll(InternetAddressList list, IReadOnlyList<EmailAddress> addresses)
    {
        foreach (var address in addresses)
        {
            list.Add(address.ToMailboxAddress());
        }
    }

    private static void SetPriority(MimeMessage mime, EmailPriority priority)
    {
        switch (priority)
        {
            case EmailPriority.High:
                mime.Importance = MessageImportance.High;
                mime.XPriority = XMessagePriority.Highest;
                mime.Priority = MessagePriority.Urgent;
                break;
            case EmailPriority.Low:
                mime.Importance = MessageImportance.Low;
                mime.XPriority = XMessagePriority.Lowest;
                mime.Priority = MessagePriority.NonUrgent;
                break;
        }
    }

    private static MimeEntity CreateBody(EmailMessage message)
    {
        var text = message.TextBody ?? (message.HtmlBody is null ? "" : HtmlToTextConverter.Convert(message.HtmlBody));
        MimeEntity body = CreateTextPart("plain", text);

        if (message.HtmlBody is not null)
        {
            MimeEntity html = CreateTextPart("html", message.HtmlBody);
            if (message.InlineResources.Count > 0)
            {
                var related = new MultipartRelated { html };
                foreach (var resource in message.InlineResources)
                {
                    related.Add(CreateInlinePart(resource));
                }

                html = related;
            }

            body = new MultipartAlternative { body, html };
        }

        if (message.Attachments.Count == 0)
        {
            return body;
        }

        var mixed = new Multipart("mixed") { body };
        foreach (var attachment in message.Attachments)
        {
            mixed.Add(CreateAttachmentPart(attachment));
        }

        return mixed;
    }

    // 7bit or quoted-printable, encoded once: readable in raw form and safe through servers that lack 8BITMIME.
    // EmailMessageWriter makes the same choice.
    private static TextPart CreateTextPart(string subtype, string text) => TransferEncodedTextPart.Create(subtype, text);

    private static MimePart CreateAttachmentPart(EmailAttachment attachment)
    {
        var part = new MimePart(ContentType.Parse(attachment.ContentType))
        {
            Content = new MimeContent(attachment.OpenRead()),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
        return part;
    }

    private static MimePart CreateInlinePart(InlineResource resource)
    {
        var part = new MimePart(ContentType.Parse(resource.ContentType))
        {
            Content = new MimeContent(resource.OpenRead()),
            ContentDisposition = new ContentDisposition(ContentDisposition.Inline),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentId = resource.ContentId,
        };
        if (resource.FileName is not null)
        {
            part.FileName = resource.FileName;
        }

        return part;
    }
}
