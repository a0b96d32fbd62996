using MimeKit;

namespace Mailing.Transports.Local;

/// <summary>A message <see cref="InMemoryTransport"/> captured: the message as handed over and the MIME it became.</summary>
public sealed class SentEmail
{
    private readonly byte[] _mime;

    internal SentEmail(EmailMessage message, byte[] mime, string text, DateTimeOffset sentAt)
    {
        Message = message;
        _mime = mime;
        Text = text;
        SentAt = sentAt;
    }

    /// <summary>The message as the mailer handed it to the transport (From, Message-Id filled in).</summary>
    public EmailMessage Message { get; }

    /// <summary>The Message-Id, without angle brackets.</summary>
    public string MessageId => Message.MessageId!;

    /// <summary>The subject.</summary>
    public string Subject => Message.Subject;

    /// <summary>The plain-text body the recipient gets: the given text, or the one derived from the HTML.</summary>
    public string Text { get; }

    /// <summary>The HTML body, or <see langword="null"/>.</summary>
    public string? Html => Message.HtmlBody;

    /// <summary>The typed template the message was rendered from, if any.</summary>
    public IEmailTemplate? Template => Message.Template;

    /// <summary>Every recipient: To, Cc and Bcc.</summary>
    public IReadOnlyList<EmailAddress> Recipients => Message.AllRecipients.ToArray();

    /// <summary>When the transport accepted the message, by the transport's clock.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>
    /// The message in RFC 5322 form, with CRLF line endings, as an SMTP server would receive it: without the
    /// <c>Bcc</c> header (Bcc recipients are in <see cref="Recipients"/> and <see cref="EmailMessage.Bcc"/>).
    /// </summary>
    public ReadOnlyMemory<byte> MimeBytes => _mime;

    /// <summary>Parses <see cref="MimeBytes"/> into a new <see cref="MimeMessage"/> to inspect the MIME structure.</summary>
    public MimeMessage ToMimeMessage()
    {
        using var stream = new MemoryStream(_mime, writable: false);
        return MimeMessage.Load(stream);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var template = Template is null ? "" : $" [{Template.GetType().Name}]";
        return $"\"{Subject}\" to {string.Join(", ", Recipients.Select(r => r.Address))}{template}";
    }
}
