using System.Collections.Concurrent;
using System.Text;
using Mailing.Runtime.Tests.Deliverability.Fixtures;
using Mailing.Runtime.Tests.TestSupport;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>
/// RFC 6152 8BITMIME: text that is not ASCII goes as <c>8bit</c>, with <c>BODY=8BITMIME</c> on MAIL FROM, to a server that
/// offers it and only there; a server without it, a line over 998 octets, a reconnect to a server without it and a DKIM
/// signature all keep today's 7bit or quoted-printable. Observed at scripted loopback servers that record each command.
/// </summary>
public sealed class SmtpEightBitMimeTests
{
    private const string Text = "Grüße aus Köln\n.a line that starts with a dot\n.\n..two dots\nEnde – 注文 🎉\n";
    private const string Html = "<p>Grüße aus Köln</p>\n.<p>dot</p>\n";

    [Fact]
    public async Task NonAsciiText_ToAServerThatOffers8BitMime_Goes8bit_WithBody8BitMime_AndDotsStuffed()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(Recording(mailFrom), extensions: ["PIPELINING", "8BITMIME"]);
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message() with { TextBody = Text, HtmlBody = Html }, Timeout());

        Assert.Equal("MAIL FROM:<shop@example.com> BODY=8BITMIME", Assert.Single(mailFrom));
        var data = Assert.Single(server.Messages);
        var received = Parse(data);
        Assert.Equal([ContentEncoding.EightBit, ContentEncoding.EightBit], MimeEquivalence.TextEncodings(received));
        Assert.Contains("\r\nGrüße aus Köln\r\n.a line that starts with a dot\r\n.\r\n..two dots\r\nEnde – 注文 🎉\r\n", data, StringComparison.Ordinal);

        // The server took every line up to the lone dot that ends DATA: each line that starts with a dot was stuffed.
        Assert.Equal(EmailMessageWriter.ReadBackText(Text), received.TextBody);
        Assert.Equal(EmailMessageWriter.ReadBackText(Html), received.HtmlBody);
    }

    [Fact]
    public async Task NonAsciiText_ToAServerWithout8BitMime_GoesQuotedPrintable_WithoutBody()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(Recording(mailFrom), extensions: ["PIPELINING", "ENHANCEDSTATUSCODES"]);
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message() with { TextBody = Text, HtmlBody = Html }, Timeout());

        Assert.Equal("MAIL FROM:<shop@example.com>", Assert.Single(mailFrom));
        var data = Assert.Single(server.Messages);
        Assert.True(Ascii.IsValid(data), "an 8-bit byte reached a server without 8BITMIME");
        var received = Parse(data);
        Assert.Equal([ContentEncoding.QuotedPrintable, ContentEncoding.QuotedPrintable], MimeEquivalence.TextEncodings(received));
        Assert.Equal(EmailMessageWriter.ReadBackText(Text), received.TextBody);
    }

    [Fact]
    public async Task AsciiText_ToAServerThatOffers8BitMime_IsSentAsBefore_WithoutBody()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(Recording(mailFrom), extensions: ["PIPELINING", "8BITMIME"]);
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message() with { HtmlBody = "<p>" + new string('x', 100) + "</p>" }, Timeout());

        Assert.Equal("MAIL FROM:<shop@example.com>", Assert.Single(mailFrom));
        Assert.Equal([ContentEncoding.SevenBit, ContentEncoding.QuotedPrintable], MimeEquivalence.TextEncodings(Parse(Assert.Single(server.Messages))));
    }

    [Fact]
    public async Task ALineOver998Octets_StaysQuotedPrintable_AndTheOther8bitPartStillDeclaresBody8BitMime()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(Recording(mailFrom), extensions: ["PIPELINING", "8BITMIME"]);
        await using var transport = new SmtpTransport(OptionsFor(server));
        var longLine = "Grüße " + new string('ü', 500) + "\n";   // 1,006 octets

        await transport.SendAsync(Message("mixed") with { TextBody = longLine, HtmlBody = Html }, Timeout());
        await transport.SendAsync(Message("long only") with { TextBody = longLine, HtmlBody = "<p>x</p>" }, Timeout());

        Assert.Equal(["MAIL FROM:<shop@example.com> BODY=8BITMIME", "MAIL FROM:<shop@example.com>"], mailFrom);
        var received = server.Messages.Select(Parse).ToArray();
        Assert.Equal([ContentEncoding.QuotedPrintable, ContentEncoding.EightBit], MimeEquivalence.TextEncodings(received[0]));
        Assert.Equal([ContentEncoding.QuotedPrintable, ContentEncoding.SevenBit], MimeEquivalence.TextEncodings(received[1]));
        Assert.All(received, message => Assert.Equal(EmailMessageWriter.ReadBackText(longLine), message.TextBody));
        Assert.True(Ascii.IsValid(server.Messages.Last()), "a message without 8bit parts carried an 8-bit byte");
    }

    [Fact]
    public async Task AMessageWritten8bit_ResentAfterAReconnectToAServerWithout8BitMime_IsWrittenAgainAsQuotedPrintable()
    {
        // Session 1 offers 8BITMIME and closes (421) at the second message's MAIL FROM, after that message was written for it;
        // session 2, the reconnect, does not offer 8BITMIME (another server behind the same name, say).
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command =>
        {
            if (command.Verb == "MAIL")
            {
                mailFrom.Enqueue($"{command.Session}: {command.Line}");
            }

            return command switch
            {
                { Verb: "EHLO", Session: 1 } => ScriptedReply.With("250-scripted.test\r\n250-PIPELINING\r\n250 8BITMIME"),
                { Verb: "EHLO" } => ScriptedReply.With("250-scripted.test\r\n250 PIPELINING"),
                { Verb: "MAIL", Session: 1, MessagesInSession: 1 } => ScriptedReply.With("421 4.3.2 scripted.test Service shutting down"),
                _ => null,
            };
        });
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message("first") with { TextBody = Text }, Timeout());
        var second = await transport.SendAsync(Message("second") with { TextBody = Text, HtmlBody = Html }, Timeout());

        Assert.Equal(
            ["1: MAIL FROM:<shop@example.com> BODY=8BITMIME", "1: MAIL FROM:<shop@example.com> BODY=8BITMIME", "2: MAIL FROM:<shop@example.com>"],
            mailFrom);
        Assert.Equal(2, transport.OpenedConnections);
        var messages = server.Messages.ToArray();
        Assert.Equal(2, messages.Length);
        Assert.Equal([ContentEncoding.EightBit, ContentEncoding.SevenBit], MimeEquivalence.TextEncodings(Parse(messages[0])));
        Assert.True(Ascii.IsValid(messages[1]), "the message written 8bit for the first session reached the second as it was");
        var resent = Parse(messages[1]);
        Assert.Equal(second.MessageId, resent.MessageId);
        Assert.Equal([ContentEncoding.QuotedPrintable, ContentEncoding.QuotedPrintable], MimeEquivalence.TextEncodings(resent));
        Assert.Equal(EmailMessageWriter.ReadBackText(Text), resent.TextBody);
        Assert.Equal(EmailMessageWriter.ReadBackText(Html), resent.HtmlBody);
    }

    [Fact]
    public async Task AMessageWhoseSizeIsDeclared_DeclaresTheSizeOfIts8bitForm()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(Recording(mailFrom), extensions: ["PIPELINING", "8BITMIME", "SIZE 20000"]);
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message("large") with { TextBody = string.Concat(Enumerable.Repeat("Grüße, 注文 🎉\n", 200)), HtmlBody = null };

        await transport.SendAsync(message, Timeout());

        var data = Assert.Single(server.Messages);
        Assert.Equal([ContentEncoding.EightBit], MimeEquivalence.TextEncodings(Parse(data)));
        var line = Assert.Single(mailFrom);
        Assert.EndsWith(" BODY=8BITMIME", line, StringComparison.Ordinal);
        var declared = long.Parse(line.Split("SIZE=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Encoding.UTF8.GetByteCount(data), declared);
    }

    [Fact]
    public async Task InternationalAddressesAndNonAsciiText_ToAServerWithSmtpUtf8And8BitMime_DeclareBoth()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(Recording(mailFrom), extensions: ["PIPELINING", "8BITMIME", "SMTPUTF8"]);
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message() with { From = new EmailAddress("bestellung@bücher.example"), To = [new EmailAddress("jörg@bücher.example", "Jörg")], TextBody = Text };

        await transport.SendAsync(message, Timeout());

        Assert.Equal("MAIL FROM:<bestellung@bücher.example> SMTPUTF8 BODY=8BITMIME", Assert.Single(mailFrom));
        var received = Parse(Assert.Single(server.Messages));
        Assert.Equal("jörg", received.To.Mailboxes.Single().LocalPart);
        Assert.Equal([ContentEncoding.EightBit, ContentEncoding.SevenBit], MimeEquivalence.TextEncodings(received));
    }

    [Fact]
    public async Task InternationalAddressesAndNonAsciiText_ToAServerWithSmtpUtf8ButNot8BitMime_DeclareSmtpUtf8Only()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(Recording(mailFrom), extensions: ["PIPELINING", "SMTPUTF8"]);
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message() with { From = new EmailAddress("bestellung@bücher.example"), To = [new EmailAddress("jörg@bücher.example", "Jörg")], TextBody = Text };

        await transport.SendAsync(message, Timeout());

        Assert.Equal("MAIL FROM:<bestellung@bücher.example> SMTPUTF8", Assert.Single(mailFrom));
        var received = Parse(Assert.Single(server.Messages));
        Assert.Equal("jörg", received.To.Mailboxes.Single().LocalPart);
        Assert.Equal([ContentEncoding.QuotedPrintable, ContentEncoding.SevenBit], MimeEquivalence.TextEncodings(received));
        Assert.Equal(EmailMessageWriter.ReadBackText(Text), received.TextBody);
    }

    [Fact]
    public async Task ADkimSignedMessage_ToAServerThatOffers8BitMime_StaysQuotedPrintable_WithoutBody_AndItsSignatureVerifies()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 5, 1, 9, 30, 0, TimeSpan.Zero));
        var key = DkimTestKey.Rsa();
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(Recording(mailFrom), extensions: ["PIPELINING", "8BITMIME"]);
        await using var transport = new SmtpTransport(OptionsFor(server), timeProvider: time) { Dkim = DkimTestKey.Signer(time, key) };
        var message = Message() with { From = new EmailAddress("shop@shop.example", "Shop"), TextBody = Text, HtmlBody = Html };

        await transport.SendAsync(message, Timeout());

        Assert.Equal("MAIL FROM:<shop@shop.example>", Assert.Single(mailFrom));
        var data = Assert.Single(server.Messages);
        Assert.True(Ascii.IsValid(data), "an 8-bit byte of a signed message reached the wire");
        Assert.Equal([ContentEncoding.QuotedPrintable, ContentEncoding.QuotedPrintable], MimeEquivalence.TextEncodings(Parse(data)));
        var bytes = Encoding.ASCII.GetBytes(data);
        Assert.Equal(new[] { true }, await PythonDkim.VerifyAsync(bytes, DkimTestKey.Dns(key)));
        Assert.Equal(new[] { true }, await MimeKitDkim.VerifyAsync(bytes, DkimTestKey.Dns(key)));
    }

    private static Func<ScriptedCommand, ScriptedReply?> Recording(ConcurrentQueue<string> mailFrom) => command =>
    {
        if (command.Verb == "MAIL")
        {
            mailFrom.Enqueue(command.Line);
        }

        return null;
    };

    private static MimeMessage Parse(string data) => MimeEquivalence.Parse(Encoding.UTF8.GetBytes(data));
}
