using System.Collections.Concurrent;
using System.Diagnostics;
using Mailing.Observability;
using Mailing.Runtime.Tests.TestSupport;
using Mailing.Transports.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Mailing.Testing;

namespace Mailing.Runtime.Tests.Sending;

public sealed class MailerTests : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly FakeLoggerProvider _logs = new();

    public MailerTests()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddMailing(o => o.From = "Shop <no-reply@shop.example>").UseInMemoryTransport();
        _provider = services.BuildServiceProvider();
    }

    private IMailer Mailer => _provider.GetRequiredService<IMailer>();

    private InMemoryTransport Mail => _provider.GetRequiredService<InMemoryTransport>();

    private MailingTelemetry Telemetry => _provider.GetRequiredService<MailingTelemetry>();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _logs.Dispose();
    }

    [Fact]
    public async Task SendingATemplate_RendersItAndRemembersTheTemplateOnTheMessage()
    {
        var template = new WelcomeEmail { User = new TestUser(42, "Ann") };

        await Mailer.SendAsync(template, "Ann <ann@example.com>");

        var sent = Assert.Single(Mail.Sent);
        Assert.Same(template, sent.Template);
        Assert.Equal(1, template.RenderCount);
        Assert.Equal("Welcome, Ann", sent.ToMimeMessage().Subject);
        Assert.Equal("ann@example.com", sent.ToMimeMessage().To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task TemplateWithoutText_GetsTextDerivedFromItsHtml()
    {
        await Mailer.SendAsync(new PasswordResetEmail { ResetUrl = "https://shop.example/reset?t=abc" }, "ann@example.com");

        Assert.Equal("Click reset my password (https://shop.example/reset?t=abc).", Mail.Sent.Single().ToMimeMessage().TextBody);
    }

    [Fact]
    public async Task CustomizeOverload_LetsTheCallerAddAttachmentsAndHeaders()
    {
        await Mailer.SendAsync(
            new WelcomeEmail { User = new TestUser(1, "Ann") },
            "ann@example.com",
            m => m.Attach(new EmailAttachment("terms.txt", "Terms"u8.ToArray())).WithHeader("List-Unsubscribe", "<https://shop.example/u>"));

        var mime = Mail.Sent.Single().ToMimeMessage();
        Assert.Equal("terms.txt", mime.Attachments.Single().ContentDisposition?.FileName);
        Assert.Equal("<https://shop.example/u>", mime.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task MessageWithItsOwnFrom_KeepsIt()
    {
        await Mailer.SendAsync(new EmailMessage { From = "billing@shop.example", To = ["ann@example.com"], TextBody = "x" });

        Assert.Equal("billing@shop.example", Mail.Sent.Single().Message.From?.Address);
    }

    [Fact]
    public async Task MessageWithoutRecipients_IsRefusedBeforeReachingTheTransport()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Mailer.SendAsync(new EmailMessage { Subject = "x" }));

        Assert.Contains("no recipients", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Mail.SentCount);
    }

    [Fact]
    public async Task CanceledToken_IsHonouredBeforeSending()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Mailer.SendAsync(new EmailMessage { To = ["ann@example.com"] }, canceled.Token));

        Assert.Equal(0, Mail.SentCount);
    }

    [Fact]
    public async Task Success_CountsASentMessageAndRecordsTheDurationTaggedWithTransportAndTemplate()
    {
        using var sent = new MetricCollector<long>(Telemetry.Meter, MailingDiagnostics.SentCounterName);
        using var duration = new MetricCollector<double>(Telemetry.Meter, MailingDiagnostics.DurationHistogramName);

        await Mailer.SendAsync(new WelcomeEmail { User = new TestUser(1, "Ann") }, "ann@example.com");

        var count = Assert.Single(sent.GetMeasurementSnapshot());
        Assert.Equal(1, count.Value);
        Assert.Equal("memory", count.Tags["mailing.transport"]);
        Assert.Equal(nameof(WelcomeEmail), count.Tags["mailing.template"]);
        var time = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal("sent", time.Tags["mailing.outcome"]);
        Assert.True(time.Value >= 0);
    }

    [Fact]
    public async Task Failure_IsRethrownAndCountedByKind()
    {
        using var failed = new MetricCollector<long>(Telemetry.Meter, MailingDiagnostics.FailedCounterName);
        using var sent = new MetricCollector<long>(Telemetry.Meter, MailingDiagnostics.SentCounterName);
        Mail.FailNext(new MailDeliveryException(MailFailureKind.RateLimited, "421 4.7.0 Try again later", "Slow down.") { TransportName = "memory" });

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => Mailer.SendAsync(new EmailMessage { To = ["ann@example.com"], TextBody = "x" }));

        Assert.Equal(MailFailureKind.RateLimited, error.Kind);
        Assert.True(error.IsTransient);
        var measurement = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal("rate_limited", measurement.Tags["mailing.failure_kind"]);
        Assert.Equal("(none)", measurement.Tags["mailing.template"]);
        Assert.Empty(sent.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Send_IsTracedAsOneSpanWithTransportTemplateAndOutcome()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MailingDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var result = await Mailer.SendAsync(new WelcomeEmail { User = new TestUser(1, "Ann") }, "ann@example.com");

        // Other tests run in parallel and trace too; pick this send's span by its message id.
        var span = Assert.Single(stopped, a => (string?)a.GetTagItem("mailing.message_id") == result.MessageId);
        Assert.Equal("Mailing.Send", span.OperationName);
        Assert.Equal("memory", span.GetTagItem("mailing.transport"));
        Assert.Equal(nameof(WelcomeEmail), span.GetTagItem("mailing.template"));
        Assert.Equal("sent", span.GetTagItem("mailing.outcome"));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
    }

    [Fact]
    public async Task Logs_NameTheMessageButNeverTheBodyOrRecipients()
    {
        await Mailer.SendAsync(new EmailMessage
        {
            To = ["ann@example.com"],
            Subject = "Reset code 918273",
            TextBody = "Your code is 918273",
        });
        Mail.FailNext(new MailDeliveryException(MailFailureKind.Authentication, "535 5.7.8 Authentication failed"));
        await Assert.ThrowsAsync<MailDeliveryException>(() => Mailer.SendAsync(new EmailMessage { To = ["bob@example.com"], TextBody = "secret body 55" }));

        var records = _logs.Collector.GetSnapshot();
        var sentLog = Assert.Single(records, r => r.Id.Name == "MessageSent");
        Assert.Contains(Mail.Sent.Single().MessageId, sentLog.Message, StringComparison.Ordinal);
        var failedLog = Assert.Single(records, r => r.Id.Name == "SendFailed");
        Assert.Equal(LogLevel.Error, failedLog.Level);
        Assert.Contains("Authentication", failedLog.Message, StringComparison.Ordinal);
        Assert.All(records, r =>
        {
            Assert.DoesNotContain("918273", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret body", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("ann@example.com", r.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Result_HasTheMessageIdAndAcceptedRecipients()
    {
        var result = await Mailer.SendAsync(new EmailMessage { To = ["ann@example.com"], Cc = ["bob@example.com"], TextBody = "x" });

        Assert.Equal(Mail.Sent.Single().ToMimeMessage().MessageId, result.MessageId);
        Assert.Equal(["ann@example.com", "bob@example.com"], result.AcceptedRecipients.Select(a => a.Address));
        Assert.Empty(result.RejectedRecipients);
    }

    [Fact]
    public async Task ParallelSendsThroughTheMailer_ArriveExactlyOnceEach()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(() => Mailer.SendAsync(new WelcomeEmail { User = new TestUser(i, $"User {i}") }, $"user{i}@example.com"))));

        Assert.Equal(100, Mail.SentCount);
        Assert.Equal(100, results.Select(r => r.MessageId).Distinct().Count());
        for (var i = 0; i < 100; i++)
        {
            var id = i;
            Assert.Equal($"user{id}@example.com", Mail.Sent<WelcomeEmail>(e => e.User.Id == id).Message.To.Single().Address);
        }
    }
}
