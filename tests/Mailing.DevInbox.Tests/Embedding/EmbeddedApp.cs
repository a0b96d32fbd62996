using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailing.DevInbox.Tests.Embedding;

/// <summary>An ASP.NET app as a user writes it: AddMailing with inbox://, AddMailingDevInbox, MapMailingDevInbox, on Kestrel on loopback.</summary>
internal sealed class EmbeddedApp : IAsyncDisposable
{
    public const string Prefix = "/_mailing";

    private EmbeddedApp(WebApplication app, LogLines logs)
    {
        App = app;
        Logs = logs;
        var address = app.Urls.First().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(address + Prefix + "/"), Timeout = RunningInbox.Patience };
        Address = address;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public string Address { get; }

    public LogLines Logs { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<EmbeddedApp> StartAsync(string environment = "Development", bool force = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var logs = new LogLines();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mailing:From"] = "Shop <shop@example.com>",
            ["Mailing:Transport"] = "inbox://default",
        });
        builder.Services.AddMailing(builder.Configuration.GetSection("Mailing"));
        builder.Services.AddMailingDevInbox(options =>
        {
            options.SmtpPort = 0;
            options.Force = force;
        });

        var app = builder.Build();
        app.MapMailingDevInbox(Prefix);
        using var timeout = new CancellationTokenSource(RunningInbox.Patience);
        await app.StartAsync(timeout.Token);
        return new EmbeddedApp(app, logs);
    }

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Http.GetFromJsonAsync<JsonElement>(path, RunningInbox.Timeout());

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>Every log line the app wrote, formatted.</summary>
    internal sealed class LogLines : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Collector(_lines);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
