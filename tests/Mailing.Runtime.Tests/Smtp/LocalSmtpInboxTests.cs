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
