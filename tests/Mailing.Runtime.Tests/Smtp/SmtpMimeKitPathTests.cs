using System.Collections.Concurrent;
using System.Text;
using Mailing.Runtime.Tests.TestSupport;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>
/// The seam for DKIM signing and S/MIME: with an <see cref="IMimeMessageTransform"/> the transport builds each message as a
/// MimeKit <c>MimeMessage</c>, lets the transform change it, and sends exactly what MimeKit writes, over the same session.
/// </summary>
public sealed class SmtpMimeKitPathTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 7, 18, 59, 31, TimeSpan.Zero));

    [Fact]
    public async Task ATransformedMessage_ArrivesByteForByte_AsMimeKitWritesIt()
    {
        var transform = new RecordingTransform(mime => mime.Headers.Add("X-Signed", "by a test transform"));
        await using var server = ScriptedSmtpServer.Start(extensions: ["PIPELINING", "8BITMIME", "SIZE 1000000"]);
        await using var transport = new SmtpTransport(OptionsFor(server), null, Clock, "smtp", transform);
        var message = Message("signed") with
        {
            TextBody = ".a line that starts with a dot\n..and two\nGrüße\n",
            Bcc = [new EmailAddress("audit@example.org")],
        };

        var result = await transport.SendAsync(message, Timeout());

        Assert.Equal(Assert.Single(transform.Written), Assert.Single(server.Messages));
        Assert.Contains("X-Signed: by a test transform", server.Messages.Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("audit@example.org", server.Messages.Single(), StringComparison.Ordinal);
        Assert.Equal(2, result.AcceptedRecipients.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheSameMessage_ThroughEitherWriter_ParsesTheSameAtTheServer_ButFor8bitTextWhereTheServerOffers8BitMime(bool offers8BitMime)
    {
        var message = (Message("Grüße — 注文 🎉", "ann@example.net", "bob@example.net") with
        {
            From = new EmailAddress("shop@example.com", "Bücherstube \"Müller\", GmbH"),
            Cc = [new EmailAddress("carol@example.net", "Carol Ŝmith")],
            HtmlBody = "<p>Grüße</p>\n<p>.dot</p><img src=\"cid:logo\">",
            TextBody = ".starts with a dot\nFrom the team\n" + new string('x', 200),
            MessageId = "same@example.com",
            Priority = EmailPriority.High,
        })
            .WithHeader("X-Kampagne", "Frühling 🌸")
            .Embed(new InlineResource("logo", new byte[] { 1, 2, 3, 0x2E, 0x0A }, "image/png", "logo.png"))
            .Attach(new EmailAttachment("Überweisung März.pdf", Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray()));
        await using var server = ScriptedSmtpServer.Start(extensions: offers8BitMime ? ["PIPELINING", "8BITMIME"] : ["PIPELINING"]);
        await using (var fast = new SmtpTransport(OptionsFor(server), null, Clock, "smtp", mimeTransform: null))
        {
            await fast.SendAsync(message, Timeout());
        }

        await using (var mimeKit = new SmtpTransport(OptionsFor(server), null, Clock, "smtp", new RecordingTransform(_ => { })))
        {
            await mimeKit.SendAsync(message, Timeout());
        }

        var received = server.Messages.Select(data => MimeEquivalence.Parse(Encoding.UTF8.GetBytes(data))).ToArray();
        if (offers8BitMime)
        {
            // The MimeKit path writes the message as it stands (a signature must not be re-encoded); the fast path sends the
            // text MailKit would send 8bit to this server as 8bit.
            Assert.Equal([ContentEncoding.QuotedPrintable, ContentEncoding.QuotedPrintable], MimeEquivalence.TextEncodings(received[1]));
            MimeEquivalence.SwitchToEightBitAsMailKitWould(received[1]);
            Assert.Contains(ContentEncoding.EightBit, MimeEquivalence.TextEncodings(received[1]));
        }

        MimeEquivalence.AssertSame(received[1], received[0]);
    }

    [Fact]
    public async Task An8bitPart_GoesWithBody8BitMime_ToAServerThatOffersIt()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command => { if (command.Verb == "MAIL") { mailFrom.Enqueue(command.Line); } return null; });
        await using var transport = new SmtpTransport(OptionsFor(server), null, Clock, "smtp", new RecordingTransform(MakeEightBit));

        await transport.SendAsync(Message("8bit") with { TextBody = "Grüße" }, Timeout());

        Assert.EndsWith(" BODY=8BITMIME", Assert.Single(mailFrom), StringComparison.Ordinal);
        Assert.Contains("Grüße", server.Messages.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An8bitPart_IsRefusedBeforeAnythingIsSent_ToAServerWithout8BitMime()
    {
        await using var server = ScriptedSmtpServer.Start(extensions: ["ENHANCEDSTATUSCODES"]);
        await using var transport = new SmtpTransport(OptionsFor(server), null, Clock, "smtp", new RecordingTransform(MakeEightBit));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message("8bit") with { TextBody = "Grüße" }, Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.Contains("8BITMIME", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.DoesNotContain("MAIL", server.Verbs);
    }

    private static void MakeEightBit(MimeMessage mime)
    {
        foreach (var part in mime.BodyParts.OfType<TextPart>())
        {
            part.ContentTransferEncoding = ContentEncoding.EightBit;
        }
    }

    /// <summary>Changes each message, then records what MimeKit writes for it on the wire (CRLF, no Bcc header).</summary>
    private sealed class RecordingTransform(Action<MimeMessage> change) : IMimeMessageTransform
    {
        public ConcurrentQueue<string> Written { get; } = new();

        public void Apply(MimeMessage mime, EmailMessage message)
        {
            change(mime);
            var options = FormatOptions.Default.Clone();
            options.NewLineFormat = NewLineFormat.Dos;
            options.HiddenHeaders.Add(HeaderId.Bcc);
            using var stream = new MemoryStream();
            mime.WriteTo(options, stream);
            Written.Enqueue(Encoding.UTF8.GetString(stream.ToArray()));
        }
    }
}
