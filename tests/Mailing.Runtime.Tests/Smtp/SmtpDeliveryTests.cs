using Mailing.DevInbox;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using MimeKit;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>Messages travel over a real SMTP dialogue to an in-process server; assertions are on the MIME that arrived.</summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task StartTlsWithAuth_DeliversTheMessageEncryptedAndAuthenticated()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.StartTls);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        var result = await transport.SendAsync(Message("Your order 1042", "ann@example.net"), Timeout());

        var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
        Assert.True(received.WasSecure);
        Assert.Equal(Username, received.AuthenticatedUser);
        Assert.Equal("shop@example.com", received.MailFrom);
        Assert.Equal(["ann@example.net"], received.RcptTo);
        Assert.Equal("Your order 1042", received.Message.Subject);
        Assert.Equal("Example Shop", received.Message.From.Mailboxes.Single().Name);
        Assert.Equal("Thanks for your order.", received.Message.TextBody?.Trim());
        Assert.Contains("<b>order</b>", received.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(received.Message.MessageId, result.MessageId);
        Assert.Equal("smtp", result.TransportName);
        Assert.Equal(["ann@example.net"], result.AcceptedRecipients.Select(a => a.Address));
        Assert.Empty(result.RejectedRecipients);
    }

    [Fact]
    public async Task ImplicitTls_DeliversOverTlsFromTheFirstByte()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.ImplicitTls);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        await transport.SendAsync(Message("Implicit TLS"), Timeout());

        var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
        Assert.True(received.WasSecure);
        Assert.Equal(Username, received.AuthenticatedUser);
        Assert.Equal("Implicit TLS", received.Message.Subject);
    }

    [Fact]
    public async Task SecurityNone_OnLoopback_DeliversWithoutAuth()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.None, requireAuth: false);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        await transport.SendAsync(Message("Plain on loopback"), Timeout());

        var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
        Assert.False(received.WasSecure);
        Assert.Null(received.AuthenticatedUser);
    }

    [Fact]
    public async Task BccRecipients_ReceiveTheMessage_ButTheHeaderIsNotSent()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(OptionsFor(inbox));
        var message = Message("With Bcc", "ann@example.net") with { Bcc = [new EmailAddress("audit@example.org")] };

        await transport.SendAsync(message, Timeout());

        var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
        Assert.Equal(["ann@example.net", "audit@example.org"], received.RcptTo.Order(StringComparer.Ordinal));
        Assert.Empty(received.Message.Bcc);
        Assert.False(received.Message.Headers.Contains(HeaderId.Bcc));
    }

    [Fact]
    public async Task NonAsciiSubjectAndNames_ArriveIntact()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(OptionsFor(inbox));
        var message = Message("Ihre Bestellung – Grüße aus Köln 🚲") with { From = new EmailAddress("shop@example.com", "Zoë Ünal") };

        await transport.SendAsync(message, Timeout());

        var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
        Assert.Equal("Ihre Bestellung – Grüße aus Köln 🚲", received.Message.Subject);
        Assert.Equal("Zoë Ünal", received.Message.From.Mailboxes.Single().Name);
    }
}
