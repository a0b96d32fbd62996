using System.Net;
using System.Net.Sockets;
using Mailing.DevInbox;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;
using SmtpReplyCode = SmtpServer.Protocol.SmtpReplyCode;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>
/// Each classic SMTP failure, produced by a real server on loopback, becomes a <see cref="MailDeliveryException"/>
/// with the right kind, transience and hint.
/// </summary>
public sealed class SmtpFailureTests
{
    [Fact]
    public async Task RefusedConnectionOnLoopback_IsATransientConnectionFailure_PointingAtTheDevInboxNotAtPort25()
    {
        var port = UnusedLoopbackPort();
        await using var transport = new SmtpTransport(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None });

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"Nothing listens on 127.0.0.1:{port} on this machine", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("mailing dev", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("port 25", failure.Hint, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("smtp", failure.TransportName);
    }

    [Fact]
    public async Task WrongPassword_IsAnAuthenticationFailure_WithTheApiKeyUserHint_AndNoSecretInTheMessage()
    {
        await using var inbox = await StartInboxAsync();
        var options = OptionsFor(inbox);
        options.Password = "wrong-password-value";
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(535, failure.StatusCode);
        Assert.Contains("'apikey'", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-value", failure.ToString(), StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task WithAPreset_TheHintNamesTheConfiguredServerAndTheProvider()
    {
        await using var inbox = await StartInboxAsync();
        var options = OptionsFor(inbox);
        options.Provider = "SendGrid";
        options.Password = "SG.wrong-key";
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.EndsWith($"(Configured: 127.0.0.1:{inbox.Port}, the SendGrid preset.)", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.wrong-key", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply535WithEnhancedCode578_IsReportedWithBothCodes()
    {
        await using var server = ScriptedSmtpServer.Start(command => command.Verb switch
        {
            "EHLO" => ScriptedReply.With("250-scripted.test\r\n250-ENHANCEDSTATUSCODES\r\n250 AUTH PLAIN LOGIN"),
            "AUTH" => ScriptedReply.With("535 5.7.8 Authentication credentials invalid"),
            _ => null,
        });
        var options = OptionsFor(server);
        options.Username = "apikey";
        options.Password = "SG.not-the-right-key";
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(535, failure.StatusCode);
        Assert.Equal("5.7.8", failure.EnhancedStatusCode);
        Assert.Equal("5.7.8 Authentication credentials invalid", failure.ServerResponse);
        Assert.Contains("Username and Password", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.not-the-right-key", failure.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task UntrustedSelfSignedCertificate_IsATlsFailure_PointingAtTrustedCertificates()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.StartTls);
        await using var transport = new SmtpTransport(OptionsFor(inbox, trustTestCertificate: false));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Tls, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Contains("TrustedCertificates", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("never turn certificate validation off", failure.Hint, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task UntrustedCertificate_OnImplicitTls_IsAlsoRefused()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.ImplicitTls);
        await using var transport = new SmtpTransport(OptionsFor(inbox, trustTestCertificate: false));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Tls, failure.Kind);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task TrustedCertificate_ForAnotherHostName_IsStillRefused()
    {
        // 127.0.0.2 is loopback too, but the certificate names only localhost, 127.0.0.1 and ::1.
        await using var inbox = await LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions
        {
            Address = IPAddress.Parse("127.0.0.2"),
            Tls = InboxTlsMode.StartTls,
            Certificate = TestCertificates.Server,
        });
        var options = OptionsFor(inbox);
        options.Host = "127.0.0.2";
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Tls, failure.Kind);
        Assert.Contains("Host matches a name in the certificate", failure.Hint, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task TrustingADifferentCertificate_DoesNotTrustTheServers()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.StartTls);
        var options = OptionsFor(inbox, trustTestCertificate: false);
        using var unrelated = DevCertificate.CreateLocalhost();
        options.TrustedCertificates.Add(DevCertificate.PublicPart(unrelated));
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Tls, failure.Kind);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task ServerWithoutStartTls_WhenTlsIsRequired_FailsAndNeverSendsInPlaintext()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.None, requireAuth: false);
        var options = OptionsFor(inbox);
        options.Security = SmtpSecurity.StartTls;
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Tls, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Contains("never used as a fallback", failure.Hint, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task AutoSecurity_AgainstAServerWithoutStartTls_AlsoRefusesToDowngrade()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command.Verb == "EHLO" ? ScriptedReply.With("250-scripted.test\r\n250 AUTH PLAIN LOGIN") : null);
        var options = OptionsFor(server);
        options.Security = SmtpSecurity.Auto;
        options.Username = "mailer";
        options.Password = "never-in-plaintext";
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Tls, failure.Kind);
        Assert.Empty(server.Messages);
        Assert.DoesNotContain("AUTH", server.Verbs);
        Assert.DoesNotContain("MAIL", server.Verbs);
    }

    [Fact]
    public async Task RelayingDeniedOnMailFrom_IsAPermanentRejection_WithTheRelayHint()
    {
        var filter = new FaultInjectingMailboxFilter(onMailFrom: _ => new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.7.1 Relaying denied"));
        await using var inbox = await StartInboxAsync(filter: filter);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(550, failure.StatusCode);
        Assert.Equal("5.7.1", failure.EnhancedStatusCode);
        Assert.Contains("Relaying denied", failure.ServerResponse, StringComparison.Ordinal);
        Assert.Contains("relay", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("Authenticate", failure.Hint, StringComparison.Ordinal);
        Assert.False(failure.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task PolicyRefusalAfterData_IsARejection_WithThePolicyHintNotTheRelayHint()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command.Verb == "END-OF-DATA" ? ScriptedReply.With("554 5.7.1 Message rejected: DMARC policy of sender domain") : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.Equal(554, failure.StatusCode);
        Assert.Contains("DKIM", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("relay", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemporaryRefusalOfTheOnlyRecipient_IsTransient_WithTheTemporaryHint()
    {
        var filter = new FaultInjectingMailboxFilter(onRcptTo: _ => new SmtpResponse(SmtpReplyCode.InsufficientStorage, "4.2.2 Mailbox full, try later"));
        await using var inbox = await StartInboxAsync(filter: filter);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Transient, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(452, failure.StatusCode);
        Assert.Equal("4.2.2", failure.EnhancedStatusCode);
        Assert.Contains("temporary", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("ann@example.net", failure.Message, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task RateLimitOnRecipient_IsReportedAsRateLimited()
    {
        var filter = new FaultInjectingMailboxFilter(onRcptTo: _ => new SmtpResponse((SmtpReplyCode)450, "4.7.0 Rate limit exceeded, slow down"));
        await using var inbox = await StartInboxAsync(filter: filter);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Contains("throttling", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRecipientRefusedPermanently_IsARejection_ListingEachAddress()
    {
        var filter = new FaultInjectingMailboxFilter(onRcptTo: to => new SmtpResponse(SmtpReplyCode.MailboxUnavailable, $"5.1.1 <{to}> No such user"));
        await using var inbox = await StartInboxAsync(filter: filter);
        await using var transport = new SmtpTransport(OptionsFor(inbox));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message("x", "a@example.net", "b@example.net"), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal("5.1.1", failure.EnhancedStatusCode);
        Assert.Contains("a@example.net", failure.Message, StringComparison.Ordinal);
        Assert.Contains("b@example.net", failure.Message, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task ServiceUnavailable421MidSession_IsTransient_AndTheNextSendReconnects()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command is { Session: 1, Verb: "MAIL" } ? ScriptedReply.With("421 4.3.2 System shutting down, try again later") : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message("first"), Timeout()));
        await transport.SendAsync(Message("second"), Timeout());

        Assert.Equal(MailFailureKind.Transient, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(421, failure.StatusCode);
        Assert.Equal("4.3.2", failure.EnhancedStatusCode);
        Assert.Contains("temporary", failure.Hint, StringComparison.Ordinal);
        Assert.False(failure.MayHaveBeenDelivered);
        var delivered = Assert.Single(server.Messages);
        Assert.Contains("Subject: second", delivered, StringComparison.Ordinal);
        Assert.Equal(2, server.Sessions);
    }

    [Fact]
    public async Task ConnectionDroppedDuringData_MayHaveBeenDelivered_AndIsNotRetried()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command.Verb == "END-OF-DATA" ? ScriptedReply.DropConnection : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
        Assert.Contains("may have accepted it", failure.Hint, StringComparison.Ordinal);
        Assert.Equal(1, server.Sessions);
    }

    [Fact]
    public async Task LoopbackServerThatNeverGreets_TimesOut_SayingItIsStuckOrTheTlsModeIsWrong()
    {
        await using var server = ScriptedSmtpServer.Start(greeting: null);
        var options = OptionsFor(server);
        options.ConnectTimeout = TimeSpan.FromMilliseconds(300);
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Timeout, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Contains("never greeted", failure.Hint, StringComparison.Ordinal);
        Assert.Contains("465 = implicit TLS", failure.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("port 25", failure.Hint, StringComparison.OrdinalIgnoreCase);
        Assert.False(failure.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task ServerSilentAfterMailFrom_HitsThePerOperationTimeout_AndNothingWasDelivered()
    {
        await using var server = ScriptedSmtpServer.Start(command => command.Verb == "MAIL" ? ScriptedReply.NeverAnswer : null);
        var options = OptionsFor(server);
        options.OperationTimeout = TimeSpan.FromMilliseconds(300);
        // The whole-send deadline runs on a clock that never moves, so only the per-operation timeout can end this send.
        await using var transport = new SmtpTransport(options, timeProvider: new FakeTimeProvider(DateTimeOffset.UtcNow));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Timeout, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.Contains("MAIL FROM", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AMessageSerializedWhileTheServerAnswers_SlowerThanTheOperationTimeout_IsNoTimeout(bool pipelining)
    {
        // The attachment is a named pipe: serializing the message waits on it, after MAIL FROM went out, longer than a
        // network operation may take. That wait is no network operation, and must not be counted as one.
        var fifo = Path.Combine(Path.GetTempPath(), $"mailing-slow-{Guid.NewGuid():N}.pdf");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        try
        {
            await using var server = ScriptedSmtpServer.Start(extensions: pipelining ? ["PIPELINING", "8BITMIME"] : ["8BITMIME"]);
            var options = OptionsFor(server);
            options.OperationTimeout = TimeSpan.FromMilliseconds(300);
            await using var transport = new SmtpTransport(options);
            var sending = transport.SendAsync(Message().Attach(EmailAttachment.FromFile(fifo)), Timeout());

            await Task.Delay(TimeSpan.FromSeconds(1));
            await File.WriteAllBytesAsync(fifo, [1, 2, 3]);
            await sending;

            Assert.Contains("filename=", Assert.Single(server.Messages), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public async Task ServerSilentAfterData_HitsTheWholeSendDeadline_AndMayHaveBeenDelivered()
    {
        var dataSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = ScriptedSmtpServer.Start(command =>
        {
            if (command.Verb != "END-OF-DATA")
            {
                return null;
            }

            dataSent.TrySetResult();
            return ScriptedReply.NeverAnswer;
        });
        var options = OptionsFor(server);
        options.SendTimeout = TimeSpan.FromMinutes(1);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var transport = new SmtpTransport(options, timeProvider: clock);

        var sending = transport.SendAsync(Message(), Timeout());
        await dataSent.Task.WaitAsync(Timeout());
        clock.Advance(options.SendTimeout);
        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => sending);

        Assert.Equal(MailFailureKind.Timeout, failure.Kind);
        Assert.True(failure.MayHaveBeenDelivered);
        Assert.False(failure.IsTransient);
        Assert.Contains("SendTimeout", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImplicitTlsAgainstAStartTlsServer_IsATlsFailure_SayingTheModeMustMatchThePort()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.StartTls);
        var options = OptionsFor(inbox);
        options.Security = SmtpSecurity.ImplicitTls;
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Tls, failure.Kind);
        Assert.Contains("465 = implicit TLS, 587 = STARTTLS", failure.Hint, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{inbox.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task StartTlsAgainstAnImplicitTlsServer_TimesOutWaitingForTheGreeting_SayingTheModeMayNotMatch()
    {
        await using var inbox = await StartInboxAsync(InboxTlsMode.ImplicitTls);
        var options = OptionsFor(inbox);
        options.Security = SmtpSecurity.StartTls;
        options.ConnectTimeout = TimeSpan.FromMilliseconds(500);
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Timeout, failure.Kind);
        Assert.Contains("TLS mode does not match the port", failure.Hint, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task MessageTooLarge552_IsARejection_WithTheSizeHint()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command.Verb == "END-OF-DATA" ? ScriptedReply.With("552 5.3.4 Message size exceeds fixed maximum message size") : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Rejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(552, failure.StatusCode);
        Assert.Equal("5.3.4", failure.EnhancedStatusCode);
        Assert.Contains("larger than the server accepts", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellation_IsNotDisguisedAsADeliveryFailure()
    {
        await using var server = ScriptedSmtpServer.Start(greeting: null);
        await using var transport = new SmtpTransport(OptionsFor(server));
        using var cancel = new CancellationTokenSource();

        var sending = transport.SendAsync(Message(), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }
}
