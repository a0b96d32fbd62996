using System.Diagnostics.Metrics;
using System.Text.Json;
using Mailing.Queue.Tests.Fixtures;
using Mailing.Tests.Http.Fixtures;
using Mailing.TestServers;
using Mailing.Transports.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;

namespace Mailing.Queue.Tests;

/// <summary>The embedded default: the queue in a SQLite file, a worker in the same process, real loopback servers.</summary>
public sealed class SqliteQueueTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mailing-queue-").FullName;

    private string Storage => $"sqlite://{Path.Combine(_directory, "queue.db")}";

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task EnqueuedMessages_AreEachSentOnce_AndASecondEnqueueOfTheSameKeySendsNothing()
    {
        await using var sink = InstantSmtpSink.Start(recordMessages: true);
        using var host = await QueueHost.StartAsync(QueueHost.Settings(Storage, QueueHost.SmtpTransport(sink.Port)), worker: true);
        var queue = host.Services.GetRequiredService<IMailQueue>();

        var enqueued = new List<EnqueuedMail>();
        for (var i = 0; i < 20; i++)
        {
            enqueued.Add(await queue.EnqueueAsync(Message(i)));
        }

        // The same receipt enqueued again (a retried request): same key, so it must not go out twice.
        var receipt = Message(100) with { IdempotencyKey = "order-100-receipt" };
        var first = await queue.EnqueueAsync(receipt);
        await Eventually.WaitAsync(() => sink.Arrivals.Any(a => a.MessageId == first.MessageId), "the receipt to arrive");
        var again = await queue.EnqueueAsync(receipt);
        await Eventually.WaitAsync(async () => (await Snapshot(host)).Depth == 0 && sink.Arrivals.Count >= 21, "the queue to drain");

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.NotEqual(first.Id, again.Id);
        var counts = sink.Arrivals.GroupBy(a => a.MessageId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(enqueued.Append(first), e => Assert.Equal(1, counts.GetValueOrDefault(e.MessageId)));
        Assert.Equal(21, sink.Arrivals.Count);
    }

    /// <summary>
    /// The embedded default on one machine: the worker process is killed with SIGKILL a quarter of the way through and
    /// started again, as a service manager restarts a crashed one; the new process sends everything the killed one had
    /// taken and not finished, and nothing it had finished, so every message arrives exactly once (see
    /// <see cref="WorkerKillScenario"/> for the moment of the kill and what it proves).
    /// </summary>
    /// <remarks>
    /// One worker rather than several: Wolverine's SQLite listener polls again at once while there is work, so the
    /// first worker to poll takes up to Wolverine's buffering limit (1,000) and a second one would have had nothing to
    /// lose (docs/queue.md, "Workers").
    /// </remarks>
    [Fact]
    public async Task WorkerProcessKilledMidRun_AndStartedAgain_SendsEveryMessageExactlyOnce()
    {
        using var run = await WorkerKillScenario.RunAsync(Storage, messages: 1_000, processes: 1, limit: TimeSpan.FromMinutes(2), restartKilled: true);

        Assert.InRange(run.AcceptedBeforeKill, 1_000 / 4, 1_000 / 2);
        Assert.Equal(1_000, run.Enqueued.Distinct().Count());
        var arrivals = run.Arrived.CountBy(id => id).ToDictionary();
        Assert.All(run.Enqueued, id => Assert.Equal(1, arrivals.GetValueOrDefault(id)));
        Assert.Equal(1_000, run.Arrived.Count);
    }

    [Fact]
    public async Task QueuedTemplate_IsSentUnderItsTemplateName_InTheMailersMetrics()
    {
        await using var sink = InstantSmtpSink.Start(recordMessages: true);
        using var host = await QueueHost.StartAsync(QueueHost.Settings(Storage, QueueHost.SmtpTransport(sink.Port)), worker: true);
        using var sent = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), MailingDiagnostics.MeterName, MailingDiagnostics.SentCounterName);

        var queued = await host.Services.GetRequiredService<IMailQueue>().EnqueueAsync(new OrderReceiptTemplate(), "ann@example.com");
        await Eventually.WaitAsync(() => sink.Arrivals.Any(a => a.MessageId == queued.MessageId) && sent.GetMeasurementSnapshot().Count > 0, "the receipt to be sent and counted");

        Assert.Equal(nameof(OrderReceiptTemplate), Assert.Single(sent.GetMeasurementSnapshot()).Tags["mailing.template"]);
    }

    [Fact]
    public async Task QueuedBulkMail_KeepsItsUnsubscribeLink_AndATransactionalOptOutOfSuppressionStaysOptedOut()
    {
        // The in-memory transport registers itself as a service when it is the one transport, with no dispatch settings.
        var settings = QueueHost.Settings(Storage, "memory://default");
        settings.Keys.Where(key => key.StartsWith("Mailing:Dispatch:", StringComparison.Ordinal)).ToList().ForEach(key => settings.Remove(key));
        using var host = await QueueHost.StartAsync(settings, worker: true);
        var queue = host.Services.GetRequiredService<IMailQueue>();
        await host.Services.GetRequiredService<ISuppressionList>().AddAsync("ann@example.com", SuppressionReason.HardBounce, "test", DateTimeOffset.UtcNow);

        var newsletter = await queue.EnqueueAsync(Message(1) with
        {
            Kind = EmailKind.Bulk,
            Unsubscribe = new UnsubscribeTarget("https://shop.example/unsubscribe?token=abc", "mailto:unsubscribe@shop.example"),
        });
        var reset = await queue.EnqueueAsync(Message(2) with { To = ["ann@example.com"], SkipSuppressionCheck = true });
        var memory = host.Services.GetRequiredService<InMemoryTransport>();
        await Eventually.WaitAsync(() => memory.Sent.Count == 2, "both messages to be sent");

        var sentNewsletter = MimeKit.MimeMessage.Load(new MemoryStream(memory.Sent.Single(s => s.MessageId == newsletter.MessageId).MimeBytes.ToArray()));
        Assert.Equal("<https://shop.example/unsubscribe?token=abc>, <mailto:unsubscribe@shop.example>", sentNewsletter.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", sentNewsletter.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(["ann@example.com"], memory.Sent.Single(s => s.MessageId == reset.MessageId).Recipients.Select(r => r.Address));
    }

    [Fact]
    public async Task QueuedMessage_ReachesTheTransport_WithEveryFieldItWasEnqueuedWith()
    {
        // SkipSuppressionCheck, refused on bulk mail, survives the queue in the unsubscribe test above.
        var settings = QueueHost.Settings(Storage, "memory://default");
        settings.Keys.Where(key => key.StartsWith("Mailing:Dispatch:", StringComparison.Ordinal)).ToList().ForEach(key => settings.Remove(key));
        using var host = await QueueHost.StartAsync(settings, worker: true);
        var memory = host.Services.GetRequiredService<InMemoryTransport>();
        byte[] invoice = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF];
        byte[] logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A];
        var message = Message(1) with
        {
            From = "Shop Orders <orders@shop.example>",
            Sender = "Mailer <mailer@shop.example>",
            ReplyTo = ["Support <support@shop.example>"],
            Cc = ["accounts@example.com"],
            Bcc = ["archive@shop.example"],
            HtmlBody = "<p>Order 1 <img src=\"cid:logo\"></p>",
            Attachments = [new EmailAttachment("invoice.pdf", invoice, "application/pdf")],
            InlineResources = [new InlineResource("logo", logo, "image/png", "logo.png")],
            Headers = new Dictionary<string, string> { ["X-Campaign"] = "spring" },
            Tags = ["orders"],
            Metadata = new Dictionary<string, string> { ["order"] = "1" },
            Priority = EmailPriority.High,
            Kind = EmailKind.Bulk,
            Unsubscribe = new UnsubscribeTarget("https://shop.example/unsubscribe?token=abc", "mailto:unsubscribe@shop.example"),
            IdempotencyKey = "order-1-shipped",
            TemplateName = "OrderShipped",
        };

        var queued = await host.Services.GetRequiredService<IMailQueue>().EnqueueAsync(message);
        await Eventually.WaitAsync(() => memory.Sent.Count == 1, "the message to be sent");

        var sent = Assert.Single(memory.Sent).Message;
        Assert.Equal(queued.MessageId, sent.MessageId);
        Assert.Equal("order-1-shipped", sent.IdempotencyKey);
        Assert.Equal(message.From, sent.From);
        Assert.Equal(message.Sender, sent.Sender);
        Assert.Equal(message.ReplyTo, sent.ReplyTo);
        Assert.Equal(message.To, sent.To);
        Assert.Equal(message.Cc, sent.Cc);
        Assert.Equal(message.Bcc, sent.Bcc);
        Assert.Equal(message.Subject, sent.Subject);
        Assert.Equal(message.HtmlBody, sent.HtmlBody);
        Assert.Equal(message.TextBody, sent.TextBody);
        var attachment = Assert.Single(sent.Attachments);
        Assert.Equal(("invoice.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(invoice, ReadAll(attachment.OpenRead()));
        var resource = Assert.Single(sent.InlineResources);
        Assert.Equal(("logo", "image/png", "logo.png"), (resource.ContentId, resource.ContentType, resource.FileName));
        Assert.Equal(logo, ReadAll(resource.OpenRead()));
        Assert.Equal("spring", sent.Headers["X-Campaign"]);
        Assert.Equal(["orders"], sent.Tags);
        Assert.Equal("1", sent.Metadata["order"]);
        Assert.Equal(EmailPriority.High, sent.Priority);
        Assert.Equal(EmailKind.Bulk, sent.Kind);
        Assert.Equal(message.Unsubscribe, sent.Unsubscribe);
        Assert.Equal("OrderShipped", sent.TemplateName);
    }

    [Fact]
    public async Task ScheduledMessage_ArrivesNoEarlierThanNotBefore()
    {
        await using var sink = InstantSmtpSink.Start(recordMessages: true);
        using var host = await QueueHost.StartAsync(QueueHost.Settings(Storage, QueueHost.SmtpTransport(sink.Port)), worker: true);
        var queue = host.Services.GetRequiredService<IMailQueue>();

        var notBefore = DateTimeOffset.UtcNow.AddSeconds(3);
        var later = await queue.EnqueueAsync(Message(1), notBefore);
        var now = await queue.EnqueueAsync(Message(2));
        // Three seconds before it is due, the queue's measure (the depth metric's source, Wolverine's scheduled table) sees it.
        await Eventually.WaitAsync(async () => (await Snapshot(host)).Scheduled == 1, "the message to show as scheduled");
        Assert.DoesNotContain(sink.Arrivals, a => a.MessageId == later.MessageId);
        await Eventually.WaitAsync(() => sink.Arrivals.Any(a => a.MessageId == later.MessageId), "the scheduled message");
        var arrivedAt = DateTimeOffset.UtcNow;

        Assert.Equal(notBefore, later.NotBefore);
        Assert.True(arrivedAt >= notBefore, $"arrived at {arrivedAt:O}, before {notBefore:O}");
        var order = sink.Arrivals.Select(a => a.MessageId).ToList();
        Assert.True(order.IndexOf(now.MessageId) < order.IndexOf(later.MessageId), "the unscheduled message went first");
    }

    [Fact]
    public async Task ProviderOutage_DrainsWithoutLoss_OnceItEnds()
    {
        const int Messages = 10;
        var refused = 0;
        await using var provider = await LoopbackHttpServer.StartAsync(_ =>
            Interlocked.Increment(ref refused) <= 25
                ? HttpReply.Json(503, """{"ErrorCode":100,"Message":"Maintenance"}""", ("Retry-After", "1"))
                : HttpReply.Json(200, """{"ErrorCode":0,"Message":"OK","MessageID":"pm-1"}"""));
        var settings = QueueHost.Settings(Storage, $"postmark+api://TOKEN@default?endpoint={provider.BaseAddress}");
        settings["Mailing:Queue:MaxAttempts"] = "100"; // more attempts than the outage can use up
        using var host = await QueueHost.StartAsync(settings, worker: true);
        var queue = host.Services.GetRequiredService<IMailQueue>();

        var enqueued = new List<EnqueuedMail>();
        for (var i = 0; i < Messages; i++)
        {
            enqueued.Add(await queue.EnqueueAsync(Message(i)));
        }

        await Eventually.WaitAsync(async () => (await Snapshot(host)).Depth == 0, "the queue to drain after the outage");

        var accepted = provider.Requests.Skip(25).Select(PostmarkMessageId).ToList();
        Assert.True(provider.Requests.Count > 25, "the outage outlasted the first attempts");
        Assert.Equal(enqueued.Select(e => e.MessageId).Order(), accepted.Order());
        Assert.Empty(await host.Services.GetRequiredService<IMailDeadLetters>().ListAsync());
    }

    [Fact]
    public async Task PermanentRejection_LandsInDeadLetters_WithTheReason_AndIsSentOnceWhenRequeued()
    {
        var inactive = true;
        await using var provider = await LoopbackHttpServer.StartAsync(request =>
            Volatile.Read(ref inactive) && request.BodyText.Contains("gone@example.com", StringComparison.Ordinal)
                ? HttpReply.Json(422, """{"ErrorCode":406,"Message":"You tried to send to recipient(s) that have been marked as inactive."}""")
                : HttpReply.Json(200, """{"ErrorCode":0,"Message":"OK","MessageID":"pm-1"}"""));
        var settings = QueueHost.Settings(Storage, $"postmark+api://TOKEN@default?endpoint={provider.BaseAddress}");
        using var host = await QueueHost.StartAsync(settings, worker: true);
        var queue = host.Services.GetRequiredService<IMailQueue>();
        var deadLetters = host.Services.GetRequiredService<IMailDeadLetters>();
        using var deadLettered = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), MailingDiagnostics.MeterName, MailQueueDiagnostics.DeadLetteredCounterName);

        var rejected = await queue.EnqueueAsync(Message(1) with { To = ["gone@example.com"] });
        var fine = await queue.EnqueueAsync(Message(2));
        await Eventually.WaitAsync(async () => (await deadLetters.ListAsync()).Count == 1 && (await Snapshot(host)).Depth == 0, "the rejection to reach the dead letters");

        var letter = Assert.Single(await deadLetters.ListAsync());
        Assert.Equal(1, (await Snapshot(host)).DeadLetters);
        Assert.Equal(rejected.Id, letter.QueueId);
        Assert.Equal(MailFailureKind.Rejected, letter.FailureKind);
        Assert.Contains("inactive", letter.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("gone@example.com", Assert.Single(letter.Message.To).Address);
        Assert.Equal(1, provider.Requests.Count(r => PostmarkMessageId(r) == rejected.MessageId));
        // The mailer's tag value (not the enum's name), so the queue's failures and the mailer's join on it.
        Assert.Equal("rejected", Assert.Single(deadLettered.GetMeasurementSnapshot()).Tags[MailQueueDiagnostics.FailureKindTag]);

        // The operator's command line shows it, and requeues it once the recipient is fixed at the provider.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mailing:Queue:Storage"] = Storage }).Build();
        var listing = new StringWriter();
        Assert.Equal(0, await MailQueueCommandLine.RunAsync(["dead-letters", "list"], configuration, listing));
        Assert.Contains(rejected.Id.ToString(), listing.ToString(), StringComparison.Ordinal);
        Assert.Contains("Rejected", listing.ToString(), StringComparison.Ordinal);
        var shown = new StringWriter();
        Assert.Equal(0, await MailQueueCommandLine.RunAsync(["dead-letters", "show", rejected.Id.ToString()], configuration, shown));
        Assert.Contains("gone@example.com", shown.ToString(), StringComparison.Ordinal);

        Volatile.Write(ref inactive, false);
        Assert.Equal(0, await MailQueueCommandLine.RunAsync(["dead-letters", "requeue", rejected.Id.ToString()], configuration, new StringWriter()));
        await Eventually.WaitAsync(() => provider.Requests.Count(r => PostmarkMessageId(r) == rejected.MessageId) == 2, "the requeued message to be sent");
        await Eventually.WaitAsync(async () => (await Snapshot(host)).Depth == 0 && (await deadLetters.ListAsync()).Count == 0, "the dead letters to empty");

        Assert.Equal(1, provider.Requests.Count(r => PostmarkMessageId(r) == fine.MessageId));
        Assert.Equal(1, await MailQueueCommandLine.RunAsync(["dead-letters", "requeue", rejected.Id.ToString()], configuration, new StringWriter()));
    }

    [Fact]
    public async Task HealthCheck_GoesUnhealthy_WhenTheOldestMessageWaitsTooLong_AndRecoversOnceAWorkerDrainsIt()
    {
        await using var sink = InstantSmtpSink.Start(recordMessages: true);
        var settings = QueueHost.Settings(Storage, QueueHost.SmtpTransport(sink.Port));
        settings["Mailing:Queue:HealthMaxAge"] = "1";
        using var web = await QueueHost.StartAsync(settings, worker: false, after: s => s.AddHealthChecks().AddMailQueue());
        var health = web.Services.GetRequiredService<HealthCheckService>();
        var queued = await web.Services.GetRequiredService<IMailQueue>().EnqueueAsync(Message(1));

        await Eventually.WaitAsync(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Unhealthy, "the health check to notice the waiting message");
        var unhealthy = (await health.CheckHealthAsync()).Entries["mailing-queue"];
        Assert.Equal(1L, unhealthy.Data["ready"]);
        Assert.Empty(sink.Arrivals);

        using var worker = await QueueHost.StartAsync(settings, worker: true);
        await Eventually.WaitAsync(() => sink.Arrivals.Any(a => a.MessageId == queued.MessageId), "the worker to send it");
        await Eventually.WaitAsync(async () => (await health.CheckHealthAsync()).Entries["mailing-queue"].Data["depth"] is 0L, "the queue to drain");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task MissingStorage_StopsTheHost_WithTheKeyAndTheFix()
    {
        var settings = QueueHost.Settings("", "memory://default");
        settings.Remove("Mailing:Queue:Storage");
        settings["Mailing:Queue:RateLimits:postmark"] = "fast";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => QueueHost.StartAsync(settings, worker: false));

        Assert.Contains("Mailing:Queue:Storage is missing", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("sqlite://", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Mailing:Queue:RateLimits:postmark is \"fast\"", error.ToString(), StringComparison.Ordinal);
    }

    internal static EmailMessage Message(int number) => new()
    {
        To = [$"customer{number}@example.com"],
        Subject = $"Order {number} confirmed",
        HtmlBody = $"<p>Order {number}</p>",
        TextBody = $"Order {number}",
    };

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }

    private sealed class OrderReceiptTemplate : IEmailTemplate
    {
        public RenderedEmail Render(IFormatProvider? culture = null) => new("Your order 7", "<p>Order 7</p>", "Order 7");

        public void RenderHtml(TextWriter writer, IFormatProvider? culture = null) => writer.Write("<p>Order 7</p>");
    }

    private static Task<Storage.QueueSnapshot> Snapshot(IHost host) =>
        host.Services.GetRequiredService<Storage.QueueDatabase>().SnapshotAsync(CancellationToken.None);

    private static string PostmarkMessageId(RecordedRequest request) =>
        request.Json().GetProperty("Headers").EnumerateArray()
            .First(h => h.GetProperty("Name").GetString() == "Message-ID").GetProperty("Value").GetString()!.Trim('<', '>');
}
