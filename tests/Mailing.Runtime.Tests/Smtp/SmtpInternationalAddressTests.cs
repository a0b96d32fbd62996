using System.Collections.Concurrent;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>
/// Internationalized addresses (RFC 6531/6532) over a real SMTP dialogue: UTF-8 where the server offers SMTPUTF8,
/// punycode domains where it does not, and a clear failure, before anything is sent, for a UTF-8 local part it cannot take.
/// </summary>
public sealed class SmtpInternationalAddressTests
{
    [Fact]
    public async Task InternationalAddresses_ToAServerOfferingSmtpUtf8_TravelInUtf8()
    {
        var envelope = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command =>
        {
            if (command.Verb is "MAIL" or "RCPT")
            {
                envelope.Enqueue(command.Line);
            }

            return command.Verb == "EHLO" ? ScriptedReply.With("250-scripted.test\r\n250-8BITMIME\r\n250 SMTPUTF8") : null;
        });
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message() with
        {
            From = new EmailAddress("bestellung@bücher.example"),
            To = [new EmailAddress("jörg@bücher.example"), new EmailAddress("用户@例子.广告")],
        };

        var result = await transport.SendAsync(message, Timeout());

        Assert.Equal(
            ["MAIL FROM:<bestellung@bücher.example> SMTPUTF8", "RCPT TO:<jörg@bücher.example>", "RCPT TO:<用户@例子.广告>"],
            envelope);
        Assert.Equal(message.To.Select(a => a.Address), result.AcceptedRecipients.Select(a => a.Address));
    }

    [Fact]
    public async Task InternationalAddresses_ArriveInTheHeadersAsWritten()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(OptionsFor(inbox));
        var message = Message() with { To = [new EmailAddress("jörg@bücher.example", "Jörg"), new EmailAddress("用户@例子.广告")] };

        await transport.SendAsync(message, Timeout());

        var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
        Assert.Equal(2, received.RcptTo.Count);
        Assert.Equal(
            ["jörg@bücher.example", "用户@例子.广告"],
            received.Message.To.Mailboxes.Select(m => m.LocalPart + "@" + new System.Globalization.IdnMapping().GetUnicode(m.Domain)));
    }

    [Fact]
    public async Task AnIdnDomain_ToAServerWithoutSmtpUtf8_TravelsAsPunycode()
    {
        var envelope = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command =>
        {
            if (command.Verb is "MAIL" or "RCPT")
            {
                envelope.Enqueue(command.Line);
            }

            return null;
        });
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message() with { To = [new EmailAddress("ann@bücher.example")] };

        await transport.SendAsync(message, Timeout());

        Assert.Contains(envelope, line => line.StartsWith("RCPT TO:<ann@xn--bcher-kva.example>", StringComparison.Ordinal));
        Assert.DoesNotContain(envelope, line => line.Contains("SMTPUTF8", StringComparison.Ordinal));
        var data = Assert.Single(server.Messages);
        Assert.Contains("ann@xn--bcher-kva.example", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUtf8LocalPart_ToAServerWithoutSmtpUtf8_FailsBeforeAnythingIsSent_WithTheCapabilityHint()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message() with { To = [new EmailAddress("jörg@example.com")] };

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(message, Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Contains("SMTPUTF8", failure.Hint, StringComparison.Ordinal);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.DoesNotContain("DATA", server.Verbs);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task AUtf8LocalPartOnlyInReplyTo_DeclaresSmtpUtf8_ForItTravelsInTheHeaders()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command =>
        {
            if (command.Verb is "MAIL")
            {
                mailFrom.Enqueue(command.Line);
            }

            return command.Verb == "EHLO" ? ScriptedReply.With("250-scripted.test\r\n250-8BITMIME\r\n250 SMTPUTF8") : null;
        });
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message() with { ReplyTo = [new EmailAddress("jörg@example.com")] }, Timeout());

        Assert.EndsWith(" SMTPUTF8", Assert.Single(mailFrom), StringComparison.Ordinal);
        Assert.Contains("Reply-To: jörg@example.com", Assert.Single(server.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUtf8LocalPartOnlyInAFromBehindASender_ToAServerWithoutSmtpUtf8_FailsBeforeAnythingIsSent()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var transport = new SmtpTransport(OptionsFor(server));
        var message = Message() with { From = new EmailAddress("jörg@example.com"), Sender = new EmailAddress("bounces@example.com") };

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(message, Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.Contains("SMTPUTF8", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("MAIL", server.Verbs);
        Assert.Empty(server.Messages);
    }
}
