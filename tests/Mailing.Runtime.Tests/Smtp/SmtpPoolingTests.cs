using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SmtpReplyCode = SmtpServer.Protocol.SmtpReplyCode;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>Connection pooling, reconnects and concurrency, observed from the server side.</summary>
public sealed class SmtpPoolingTests
{
    [Fact]
    public async Task FiftyParallelSends_ThroughAPoolOfFour_ArriveExactlyOnceEach_OnAtMostFourConnections()
    {
        await using var inbox = await StartInboxAsync();
        var options = OptionsFor(inbox);
        options.PoolSize = 4;
        await using var transport = new SmtpTransport(options);

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => transport.SendAsync(Message($"Parallel {i}"), Timeout())));

        var received = await inbox.WaitForMessagesAsync(50, Timeout());
        Assert.Equal(50, received.Count);
        Assert.Equal(
            results.Select(r => r.MessageId).Order(StringComparer.Ordinal),
            received.Select(r => r.Message.MessageId).Order(StringComparer.Ordinal));
        Assert.All(received.GroupBy(r => r.Message.MessageId), group => Assert.Single(group));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"Parallel {i}").Order(StringComparer.Ordinal), received.Select(r => r.Message.Subject).Order(StringComparer.Ordinal));
        Assert.InRange(received.Select(r => r.SessionId).Distinct().Count(), 1, 4);
        Assert.InRange(transport.OpenedConnections, 1, 4);
        Assert.All(received, r => Assert.True(r.WasSecure));
    }

    [Fact]
    public async Task SequentialSends_ReuseOneAuthenticatedConnection()
    {
        await using var inbox = await StartInboxAsync();
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        for (var i = 0; i < 3; i++)
        {
            await transport.SendAsync(Message($"Reuse {i}"), Timeout());
        }

        var received = await inbox.WaitForMessagesAsync(3, Timeout());
        Assert.Single(received.Select(r => r.SessionId).Distinct());
        Assert.Equal(1, transport.OpenedConnections);
    }

    [Fact]
    public async Task ConnectionIdleLongerThanIdleTimeout_IsReplacedByANewOne()
    {
        await using var inbox = await StartInboxAsync();
        var options = OptionsFor(inbox);
        options.IdleTimeout = TimeSpan.FromSeconds(30);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var transport = new SmtpTransport(options, timeProvider: clock);

        await transport.SendAsync(Message("before idle"), Timeout());
        clock.Advance(options.IdleTimeout);
        await transport.SendAsync(Message("after idle"), Timeout());

        var received = await inbox.WaitForMessagesAsync(2, Timeout());
        Assert.Equal(2, received.Select(r => r.SessionId).Distinct().Count());
        Assert.Equal(2, transport.OpenedConnections);
    }

    [Fact]
    public async Task PooledConnectionClosedByTheServer_IsDetectedBeforeTheNextMessage_AndEachMessageArrivesOnce()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command is { Session: 1, Verb: "END-OF-DATA" } ? ScriptedReply.With("250 2.0.0 Ok: queued as A1", thenClose: true) : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message("first"), Timeout());
        await transport.SendAsync(Message("second"), Timeout());

        Assert.Equal(2, server.Messages.Count);
        Assert.Single(server.Messages, m => m.Contains("Subject: first", StringComparison.Ordinal));
        Assert.Single(server.Messages, m => m.Contains("Subject: second", StringComparison.Ordinal));
        Assert.Equal(2, server.Sessions);
        Assert.Equal(2, transport.OpenedConnections);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(1, "421 4.4.2 scripted.test Error: timeout exceeded")]
    [InlineData(5, null)]
    [InlineData(5, "421 4.4.2 scripted.test Error: timeout exceeded")]
    public async Task AConnectionTheServerClosedWhileIdle_IsDetectedAndReplaced_AndEveryMessageArrivesExactlyOnce(int idleSeconds, string? farewell)
    {
        // Idle 1 s: reused without NOOP, the close is found at MAIL FROM. Idle 5 s: NOOP finds it first.
        await using var server = ScriptedSmtpServer.Start(extensions: ["PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES"]);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new FakeLogger<SmtpTransport>();
        await using var transport = new SmtpTransport(OptionsFor(server), logger, clock);

        var first = await transport.SendAsync(Message("before the server hung up"), Timeout());
        await server.CloseIdleSessionsAsync(farewell);
        clock.Advance(TimeSpan.FromSeconds(idleSeconds));
        var second = await transport.SendAsync(Message("after the server hung up"), Timeout());

        Assert.Equal(2, server.DataReceived.Count);
        Assert.Single(server.Messages, m => m.Contains("Subject: before the server hung up", StringComparison.Ordinal));
        Assert.Single(server.Messages, m => m.Contains("Subject: after the server hung up", StringComparison.Ordinal));
        Assert.Equal(2, server.Sessions);
        Assert.Equal(2, transport.OpenedConnections);
        Assert.Equal(["ann@example.net"], second.AcceptedRecipients.Select(a => a.Address));
        Assert.NotEqual(first.MessageId, second.MessageId);
        Assert.Equal(idleSeconds < 2, logger.Collector.GetSnapshot().Any(r => r.Id.Name == "SmtpReconnectBeforeMessage"));
    }

    [Fact]
    public async Task ConnectionLostAfterNoopButBeforeMailFrom_IsRetriedOnceOnAFreshConnection_WithoutDuplicates()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command is { Session: 1, MessagesInSession: 1, Verb: "MAIL" } ? ScriptedReply.DropConnection : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message("first"), Timeout());
        var second = await transport.SendAsync(Message("second"), Timeout());

        Assert.Equal(2, server.Messages.Count);
        Assert.Single(server.Messages, m => m.Contains("Subject: second", StringComparison.Ordinal));
        Assert.Equal(2, server.Sessions);
        Assert.Equal(["ann@example.net"], second.AcceptedRecipients.Select(a => a.Address));
    }

    [Fact]
    public async Task BackToBackSends_ReuseTheConnectionWithoutANoopRoundTrip()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var transport = new SmtpTransport(OptionsFor(server));

        for (var i = 0; i < 5; i++)
        {
            await transport.SendAsync(Message($"m{i}"), Timeout());
        }

        Assert.Equal(5, server.Messages.Count);
        Assert.Equal(1, server.Sessions);
        Assert.DoesNotContain("NOOP", server.Verbs);
    }

    [Fact]
    public async Task AConnectionIdleLongerThanTheLivenessThreshold_IsCheckedWithNoop_AndReplacedWhenTheServerClosedIt()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command is { Session: 1, Verb: "NOOP" } ? ScriptedReply.DropConnection : null);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var transport = new SmtpTransport(OptionsFor(server), timeProvider: clock);

        await transport.SendAsync(Message("before idle"), Timeout());
        clock.Advance(TimeSpan.FromSeconds(5));
        await transport.SendAsync(Message("after idle"), Timeout());

        Assert.Contains("NOOP", server.Verbs);
        Assert.Equal(2, server.Sessions);
        Assert.Single(server.Messages, m => m.Contains("Subject: before idle", StringComparison.Ordinal));
        Assert.Single(server.Messages, m => m.Contains("Subject: after idle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A421OnARecentlyUsedConnection_BeforeAnyRecipient_IsSentOnceOnAFreshConnection()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command is { Session: 1, MessagesInSession: 1, Verb: "MAIL" } ? ScriptedReply.With("421 4.4.2 idle too long, closing", thenClose: true) : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message("first"), Timeout());
        await transport.SendAsync(Message("second"), Timeout());

        Assert.Equal(2, server.Messages.Count);
        Assert.Single(server.Messages, m => m.Contains("Subject: second", StringComparison.Ordinal));
        Assert.Equal(2, server.Sessions);
    }

    [Theory]
    [InlineData("8BITMIME", "RCPT")]
    [InlineData("PIPELINING", "RCPT")]
    [InlineData("8BITMIME", "MAIL")]
    [InlineData("PIPELINING", "MAIL")]
    [InlineData("PIPELINING", "END-OF-DATA")]
    public async Task AMessageTheServerRefused_LeavesTheConnectionToTheNextMessage_AfterRset(string extension, string refusedAt)
    {
        var refusals = 0;
        await using var server = ScriptedSmtpServer.Start(
            command => command.Verb == refusedAt && Interlocked.Increment(ref refusals) == 1 ? ScriptedReply.With("550 5.1.1 refused") : null,
            extensions: [extension]);
        await using var transport = new SmtpTransport(OptionsFor(server));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message("refused", "nobody@example.net"), Timeout()));
        await transport.SendAsync(Message("next", "next@example.net") with { From = new EmailAddress("next@example.com") }, Timeout());

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.Equal(1, server.Sessions);
        Assert.Contains("RSET", server.Verbs);
        Assert.Equal("next", SubjectOf(Assert.Single(server.Messages)));
        Assert.Equal(refusedAt == "END-OF-DATA" ? 2 : 1, server.DataReceived.Count);
    }

    private static string SubjectOf(string data) =>
        data.Split("\r\n").First(line => line.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..];

    [Fact]
    public async Task AFailedSend_DoesNotPoisonThePool()
    {
        var filter = new FaultInjectingMailboxFilter(onRcptTo: to => to.StartsWith("bad", StringComparison.Ordinal)
            ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such user")
            : null);
        await using var inbox = await StartInboxAsync(filter: filter);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message("refused", "bad@example.net"), Timeout()));
        await transport.SendAsync(Message("accepted", "ann@example.net"), Timeout());

        var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
        Assert.Equal("accepted", received.Message.Subject);
    }

    [Fact]
    public async Task OneRefusedRecipient_DoesNotStopTheMessageForTheOthers()
    {
        var filter = new FaultInjectingMailboxFilter(onRcptTo: to => to == "nobody@example.net"
            ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 <nobody@example.net> No such user")
            : null);
        await using var inbox = await StartInboxAsync(filter: filter);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        var result = await transport.SendAsync(Message("Partial", "ann@example.net", "nobody@example.net", "bob@example.net"), Timeout());

        var received = Assert.Single(await inbox.WaitForMessagesAsync(1, Timeout()));
        Assert.Equal(["ann@example.net", "bob@example.net"], received.RcptTo.Order(StringComparer.Ordinal));
        Assert.Equal(3, received.Message.To.Count);
        Assert.Equal(["ann@example.net", "bob@example.net"], result.AcceptedRecipients.Select(a => a.Address).Order(StringComparer.Ordinal));
        var rejection = Assert.Single(result.RejectedRecipients);
        Assert.Equal("nobody@example.net", rejection.Recipient.Address);
        Assert.Equal(550, rejection.StatusCode);
        Assert.Equal("5.1.1", rejection.EnhancedStatusCode);
        Assert.Contains("No such user", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("250 2.0.0 Ok: queued as 4XyZ12", "4XyZ12")]
    [InlineData("250 Ok 0100018c1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000", "0100018c1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000")]
    [InlineData("250 2.0.0 OK 1712345678 x1-20020a05600c", "1712345678")]
    [InlineData("250 2.0.0 Queued as: abc", null)]
    [InlineData("250 2.6.0 <id@example.com> Queued mail for delivery", null)]
    [InlineData("250 ok: Message 123 accepted", null)]
    public async Task TheQueueId_IsReadFromTheFormsServersUse(string reply, string? expected)
    {
        await using var server = ScriptedSmtpServer.Start(command => command.Verb == "END-OF-DATA" ? ScriptedReply.With(reply) : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        var result = await transport.SendAsync(Message(), Timeout());

        Assert.Equal(expected, result.ProviderMessageId);
    }

    [Fact]
    public async Task QueueIdFromTheServersReply_IsReportedAsTheProviderMessageId()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var transport = new SmtpTransport(OptionsFor(server));

        var result = await transport.SendAsync(Message(), Timeout());

        Assert.Equal("Q1x1", result.ProviderMessageId);
    }
}
