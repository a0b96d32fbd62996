using Mailing.DevInbox;
using Mailing.Dispatch;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Time.Testing;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Dispatch;

/// <summary>Failover between real SMTP servers on loopback: what fails over, what never does, and what the result says.</summary>
public sealed class FailoverTests
{
    private static readonly DispatchPolicy NoWaiting = new() { MaxRetries = 0 };

    [Fact]
    public async Task PrimaryRefusingConnections_BackupDeliversExactlyOnce_AndTheResultNamesIt()
    {
        await using var backupInbox = await StartInboxAsync();
        await using var primary = DeadTransport("primary");
        await using var backup = new SmtpTransport(OptionsFor(backupInbox), name: "backup");
        var failover = new FailoverTransport([primary, backup], NoWaiting);

        var result = await failover.SendAsync(Message("Receipt 1"), Timeout());

        var received = Assert.Single(await backupInbox.WaitForMessagesAsync(1, Timeout()));
        Assert.Equal("Receipt 1", received.Message.Subject);
        Assert.Equal("backup", result.TransportName);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(received.Message.MessageId, result.MessageId);
    }

    [Fact]
    public async Task WrongCredentialsOnThePrimary_FailOverToTheBackup()
    {
        await using var primaryInbox = await StartInboxAsync();
        await using var backupInbox = await StartInboxAsync();
        var wrongPassword = OptionsFor(primaryInbox);
        wrongPassword.Password = "not-the-password";
        await using var primary = new SmtpTransport(wrongPassword, name: "primary");
        await using var backup = new SmtpTransport(OptionsFor(backupInbox), name: "backup");

        var result = await new FailoverTransport([primary, backup], NoWaiting).SendAsync(Message(), Timeout());

        Assert.Equal("backup", result.TransportName);
        Assert.Single(await backupInbox.WaitForMessagesAsync(1, Timeout()));
        Assert.Empty(primaryInbox.Messages);
    }

    [Fact]
    public async Task ARecipientRefusedForGood_IsNeverTriedElsewhere()
    {
        await using var primaryInbox = await StartInboxAsync(filter: new FaultInjectingMailboxFilter(
            onRcptTo: _ => new SmtpServer.Protocol.SmtpResponse(SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable, "5.1.1 no such user")));
        await using var backupInbox = await StartInboxAsync();
        await using var primary = new SmtpTransport(OptionsFor(primaryInbox), name: "primary");
        await using var backup = new SmtpTransport(OptionsFor(backupInbox), name: "backup");

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => new FailoverTransport([primary, backup], NoWaiting).SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.Equal("primary", failure.TransportName);
        Assert.Equal(1, failure.Attempts);
        Assert.Empty(backupInbox.Messages);
    }

    [Fact]
    public async Task ConnectionLostAfterData_IsNotSentAgainElsewhere_ByDefault()
    {
        await using var primaryServer = ScriptedSmtpServer.Start(command => command.Verb == "END-OF-DATA" ? ScriptedReply.DropConnection : null);
        await using var backupInbox = await StartInboxAsync();
        await using var primary = new SmtpTransport(OptionsFor(primaryServer), name: "primary");
        await using var backup = new SmtpTransport(OptionsFor(backupInbox), name: "backup");

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => new FailoverTransport([primary, backup]).SendAsync(Message(), Timeout()));

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
        Assert.Equal("primary", failure.TransportName);
        Assert.Single(primaryServer.DataReceived);
        Assert.Empty(backupInbox.Messages);
        Assert.Equal(1, primaryServer.Sessions);
    }

    [Fact]
    public async Task ConnectionLostAfterData_IsSentThroughTheBackup_WhenThePolicyPrefersADuplicateToALoss()
    {
        await using var primaryServer = ScriptedSmtpServer.Start(command => command.Verb == "END-OF-DATA" ? ScriptedReply.DropConnection : null);
        await using var backupInbox = await StartInboxAsync();
        await using var primary = new SmtpTransport(OptionsFor(primaryServer), name: "primary");
        await using var backup = new SmtpTransport(OptionsFor(backupInbox), name: "backup");

        var result = await new FailoverTransport([primary, backup], new DispatchPolicy { MaxRetries = 0, ResendOnUnknownOutcome = true }).SendAsync(Message(), Timeout());

        Assert.Equal("backup", result.TransportName);
        var resent = Assert.Single(await backupInbox.WaitForMessagesAsync(1, Timeout()));
        Assert.Contains($"Message-Id: <{resent.Message.MessageId}>", Assert.Single(primaryServer.DataReceived), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryAttempt_CarriesTheSameMessageIdAndIdempotencyKey()
    {
        // 451 after the data: the primary saw the message but did not take it, so the backup must send the same one.
        await using var primaryServer = ScriptedSmtpServer.Start(command => command.Verb == "END-OF-DATA" ? ScriptedReply.With("451 4.3.0 try again later") : null);
        await using var primary = new SmtpTransport(OptionsFor(primaryServer), name: "primary");
        var backup = new InMemoryTransport(name: "backup");

        var result = await new FailoverTransport([primary, backup], NoWaiting).SendAsync(Message(), Timeout());

        var delivered = Assert.Single(backup.Sent);
        Assert.Equal("backup", result.TransportName);
        Assert.Contains($"<{delivered.MessageId}>", Assert.Single(primaryServer.DataReceived), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(delivered.MessageId, delivered.Message.IdempotencyKey);
    }

    [Fact]
    public async Task EveryTransportDown_RoundsAreRetried_AndTheFailureListsEachAttempt()
    {
        await using var primary = DeadTransport("primary");
        await using var backup = DeadTransport("backup");
        var policy = new DispatchPolicy { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MinimumThroughput = 100 };

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => new FailoverTransport([primary, backup], policy).SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(6, failure.Attempts);
        Assert.Equal(["primary", "backup", "primary", "backup", "primary", "backup"], failure.AttemptFailures.Select(f => f.TransportName));
        Assert.Contains("after 6 attempt(s)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimited_WaitsForRetryAfter_BeforeTheNextRound()
    {
        var time = new FakeTimeProvider();
        var memory = new InMemoryTransport(time, "only");
        memory.FailNext(new MailDeliveryException(MailFailureKind.RateLimited, "HTTP 429") { TransportName = "only", RetryAfter = TimeSpan.FromSeconds(10) });
        var only = new CountingTransport(memory);
        var failover = new FailoverTransport([only], new DispatchPolicy { BaseDelay = TimeSpan.FromMilliseconds(1) }, timeProvider: time);

        var sending = failover.SendAsync(Message(), Timeout());
        await only.WaitForCallsAsync(1);
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(1, only.Calls);
        Assert.False(sending.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await sending.WaitAsync(Patience);

        Assert.Equal(2, only.Calls);
        Assert.Equal(1, memory.SentCount);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task RetryAfterBeyondTheBudget_FailsAtOnce_SayingWhenToTryAgain()
    {
        var only = new InMemoryTransport(name: "only");
        only.FailNext(new MailDeliveryException(MailFailureKind.RateLimited, "HTTP 429") { TransportName = "only", RetryAfter = TimeSpan.FromMinutes(10) });
        var failover = new FailoverTransport([only], new DispatchPolicy { Budget = TimeSpan.FromMinutes(1) });

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => failover.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.RateLimited, failure.Kind);
        Assert.Equal(TimeSpan.FromMinutes(10), failure.RetryAfter);
        Assert.Equal(0, only.SentCount);
    }

    [Fact]
    public async Task AFailingPrimary_IsSkippedOnceItsCircuitOpens_AndProbedAfterTheBreak()
    {
        var time = new FakeTimeProvider();
        var primary = new InMemoryTransport(time, "primary");
        var backup = new InMemoryTransport(time, "backup");
        for (var i = 0; i < 4; i++)
        {
            primary.FailNext(new MailDeliveryException(MailFailureKind.Transient, "HTTP 503") { TransportName = "primary" });
        }

        var policy = new DispatchPolicy { MaxRetries = 0, MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) };
        var failover = new FailoverTransport([primary, backup], policy, timeProvider: time);

        var first = await failover.SendAsync(Message("1"), Timeout());
        var second = await failover.SendAsync(Message("2"), Timeout());
        var whilePaused = await failover.SendAsync(Message("3"), Timeout());

        Assert.Equal([2, 2, 1], new[] { first.Attempts, second.Attempts, whilePaused.Attempts });
        Assert.All(new[] { first, second, whilePaused }, r => Assert.Equal("backup", r.TransportName));

        time.Advance(TimeSpan.FromSeconds(31));
        var probe = await failover.SendAsync(Message("4"), Timeout());
        Assert.Equal(2, probe.Attempts); // the primary was tried again (and failed once more)
        primary.Clear();
        time.Advance(TimeSpan.FromSeconds(31));
        var recovered = await failover.SendAsync(Message("5"), Timeout());
        Assert.Equal("primary", recovered.TransportName);
    }

}
