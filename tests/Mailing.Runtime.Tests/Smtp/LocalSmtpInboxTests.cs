using System.Net;
using Mailing.DevInbox;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>The dev inbox refuses unsafe set-ups and keeps what it receives.</summary>
public sealed class LocalSmtpInboxTests
{
    [Fact]
    public async Task NonLoopbackAddress_IsRefused()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions { Address = IPAddress.Any }));

        Assert.Contains("loopback only", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsWithoutACertificate_IsRefused_NamingTheFactory()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions { Tls = InboxTlsMode.StartTls }));

        Assert.Contains("DevCertificate.CreateLocalhost()", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DevCertificate_CoversLocalhostAndLoopbackAddresses_AndCarriesItsKey()
    {
        using var certificate = DevCertificate.CreateLocalhost();
        using var publicPart = DevCertificate.PublicPart(certificate);

        Assert.True(certificate.HasPrivateKey);
        Assert.False(publicPart.HasPrivateKey);
        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        Assert.False(certificate.MatchesHostname("example.com"));
    }

    [Theory]
    [InlineData("Hi\r.\r\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@example.org>\r\nDATA\r\nsmuggled")]
    [InlineData("Grüße\r.\r\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@example.org>\r\nDATA\r\nsmuggled")]
    public async Task TextWithABareCrBeforeADotLine_ArrivesAsOneMessage_WithItsTextIntact(string text)
    {
        // SMTP smuggling: a server that takes "CR . CRLF" for the end of DATA would see a second message here. A bare CR is
        // sent quoted-printable (=0D), in 7bit and 8bit text alike, so no such sequence is on the wire.
        await using var inbox = await StartInboxAsync(InboxTlsMode.None, requireAuth: false);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        await transport.SendAsync(Message("one") with { HtmlBody = null, TextBody = text }, Timeout());
        await transport.SendAsync(Message("two"), Timeout());
        var received = await inbox.WaitForMessagesAsync(2, Timeout());

        Assert.Equal(["one", "two"], received.Select(email => email.Message.Subject));
        // MimeKit reads line breaks back as LF; the bare CR is still there.
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), received[0].Message.TextBody);
        Assert.Equal(MimeKit.ContentEncoding.QuotedPrintable, Assert.IsType<MimeKit.TextPart>(received[0].Message.Body).ContentTransferEncoding);
    }

    [Fact]
    public async Task Clear_ForgetsReceivedMessages_AndWaitingCountsFromThere()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.None, requireAuth: false);
        await using var transport = new SmtpTransport(OptionsFor(inbox));
        await transport.SendAsync(Message("one"), Timeout());
        await inbox.WaitForMessagesAsync(1, Timeout());

        inbox.Clear();
        var waiting = inbox.WaitForMessagesAsync(1, Timeout());
        Assert.False(waiting.IsCompleted);
        await transport.SendAsync(Message("two"), Timeout());

        var received = Assert.Single(await waiting);
        Assert.Equal("two", received.Message.Subject);
    }
}
