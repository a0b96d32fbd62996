using System.Collections.Concurrent;
using System.Net;
using Mailing.Transports.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Mailing.AspNetCore.Tests.Webhooks.Support;

/// <summary>
/// An ASP.NET Core app as a user writes it — <c>AddMailing</c>, an event handler, <c>MapMailingWebhooks()</c> — served by
/// Kestrel on 127.0.0.1, with a clock the test moves and the log lines it wrote.
/// </summary>
internal sealed class WebhookTestServer : IAsyncDisposable
{
    /// <summary>SendGrid's documented sample time (2017-12-15 00:59:29 UTC), where the clock starts unless told otherwise.</summary>
    public static readonly DateTimeOffset SampleTime = DateTimeOffset.FromUnixTimeSeconds(1513299569);

    private readonly WebApplication _app;

    private WebhookTestServer(WebApplication app, FakeTimeProvider time, FakeLoggerProvider logs, RecordedEvents events)
    {
        _app = app;
        Time = time;
        Logs = logs;
        Events = events;
    }

    public FakeTimeProvider Time { get; }

    public FakeLoggerProvider Logs { get; }

    /// <summary>What the registered handler received, in order.</summary>
    public RecordedEvents Events { get; }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public ISuppressionList Suppressions => _app.Services.GetRequiredService<ISuppressionList>();

    public InMemoryTransport Mail => _app.Services.GetRequiredService<InMemoryTransport>();

    public IMailer Mailer => _app.Services.GetRequiredService<IMailer>();

    /// <summary>Starts the app with <paramref name="settings"/> (keys under <c>Mailing:</c>) added to configuration.</summary>
    public static async Task<WebhookTestServer> StartAsync(
        IDictionary<string, string?> settings,
        DateTimeOffset? now = null,
        Action<MailingBuilder>? mailing = null,
        Action<MailingWebhookOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Mailing:From"] = "Shop <no-reply@shop.example>", ["Mailing:Transport"] = "memory://default" });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new FakeLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var time = new FakeTimeProvider(now ?? SampleTime);
        var events = new RecordedEvents();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(events);
        var mailingBuilder = builder.Services.AddMailing(builder.Configuration.GetSection("Mailing")).AddEventHandler<RecordingHandler>();
        mailing?.Invoke(mailingBuilder);

        var app = builder.Build();
        app.MapMailingWebhooks(configure: configure);
        await app.StartAsync();
        var server = new WebhookTestServer(app, time, logs, events);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/webhooks/mail/") };
        return server;
    }

    /// <summary>The "refused a webhook request" log lines, oldest first.</summary>
    public IReadOnlyList<string> Refusals => LogLines().Where(r => r.Id.Name == "WebhookRefused").Select(r => r.Message).ToArray();

    /// <summary>The log lines of a category.</summary>
    public IReadOnlyList<FakeLogRecord> LogLines(string category = "Mailing.Webhooks") =>
        Logs.Collector.GetSnapshot().Where(r => r.Category == category).ToArray();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Logs.Dispose();
    }

    /// <summary>The events the handler received, and whether it should fail the next ones.</summary>
    internal sealed class RecordedEvents
    {
        private readonly ConcurrentQueue<MailEvent> _events = new();

        /// <summary>How many of the next calls throw.</summary>
        public int FailNext { get; set; }

        public IReadOnlyList<MailEvent> All => _events.ToArray();

        public void Add(MailEvent mailEvent) => _events.Enqueue(mailEvent);
    }

    private sealed class RecordingHandler(RecordedEvents events) : IMailEventHandler
    {
        public Task HandleAsync(MailEvent mailEvent, CancellationToken cancellationToken)
        {
            if (events.FailNext > 0)
            {
                events.FailNext--;
                throw new InvalidOperationException("The database is down.");
            }

            events.Add(mailEvent);
            return Task.CompletedTask;
        }
    }
}
