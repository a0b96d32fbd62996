using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Logging.Testing;
using SmtpReplyCode = SmtpServer.Protocol.SmtpReplyCode;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>What the transport logs is useful and never carries credentials or content.</summary>
public sealed class SmtpLoggingTests
{
    [Fact]
    public async Task ConnectionAndRefusalLogs_NameTheEndpoint_AndNeverThePasswordOrBody()
    {
        var filter = new FaultInjectingMailboxFilter(onRcptTo: to => to == "nobody@example.net"
            ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such user")
            : null);
        await using var inbox = await StartInboxAsync(filter: filter);
        var logger = new FakeLogger<SmtpTransport>();
        await using var transport = new SmtpTransport(OptionsFor(inbox), logger);

        await transport.SendAsync(Message("Logged", "ann@example.net", "nobody@example.net"), Timeout());

        var records = logger.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Id.Name == "SmtpConnected" && r.Message.Contains($"127.0.0.1:{inbox.Port}", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Id.Name == "SmtpRecipientsRefused" && r.Message.Contains("1 of 2", StringComparison.Ordinal));
        Assert.All(records, r =>
        {
            Assert.DoesNotContain(Password, r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Thanks for your", r.Message, StringComparison.Ordinal);
        });
    }
}
