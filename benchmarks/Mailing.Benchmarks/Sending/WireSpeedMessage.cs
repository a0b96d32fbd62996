using System.Text;
using MimeKit;

namespace Mailing.Benchmarks.Sending;

/// <summary>
/// The message every wire-speed row sends: an HTML body of the given size with its plain-text twin,
/// as an <see cref="EmailMessage"/> (Mailing), a <see cref="MimeMessage"/> built once (MailKit, resent)
/// and pre-serialized dot-stuffed bytes (the raw-socket floor).
/// </summary>
internal sealed class WireSpeedMessage
{
    public const string From = "shop@acme.example";
    public const string To = "zoe@example.com";

    private WireSpeedMessage(EmailMessage message, MimeMessage mime, byte[] stuffed)
    {
        Message = message;
        Mime = mime;
        StuffedData = stuffed;
    }

    public EmailMessage Message { get; }

    public MimeMessage Mime { get; }

    /// <summary>The serialized MIME, dot-stuffed, ending with the CRLF.CRLF that closes DATA.</summary>
    public byte[] StuffedData { get; }

    public static WireSpeedMessage Create(int htmlBytes)
    {
        var html = new StringBuilder("<html><body>\r\n");
        var text = new StringBuilder();
        for (var line = 1; html.Length < htmlBytes; line++)
        {
            html.Append("<p>Order line ").Append(line).Append(": 1 x Widget, plan Pro, $12.00 — thank you.</p>\r\n");
            text.Append("Order line ").Append(line).Append(": 1 x Widget, plan Pro, $12.00 — thank you.\r\n");
        }

        html.Append("</body></html>\r\n");
        var message = new EmailMessage
        {
            From = new EmailAddress(From, "Acme Cloud"),
            To = [new EmailAddress(To, "Zoe Muller")],
            Subject = "Your receipt",
            HtmlBody = html.ToString(),
            TextBody = text.ToString(),
        };

        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress("Acme Cloud", From));
        mime.To.Add(new MailboxAddress("Zoe Muller", To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        mime.Prepare(EncodingConstraint.EightBit);

        using var serialized = new MemoryStream();
        // SMTP wants CRLF; MimeKit's default is the platform's newline (LF on Linux).
        var wire = FormatOptions.Default.Clone();
        wire.NewLineFormat = NewLineFormat.Dos;
        mime.WriteTo(wire, serialized);
        return new WireSpeedMessage(message, mime, Stuff(serialized.ToArray()));
    }

    private static byte[] Stuff(byte[] data)
    {
        using var stuffed = new MemoryStream(data.Length + 64);
        var atLineStart = true;
        foreach (var b in data)
        {
            if (atLineStart && b == '.')
            {
                stuffed.WriteByte((byte)'.');
            }

            stuffed.WriteByte(b);
            atLineStart = b == '\n';
        }

        if (!atLineStart)
        {
            stuffed.Write("\r\n"u8);
        }

        stuffed.Write(".\r\n"u8);
        return stuffed.ToArray();
    }
}
