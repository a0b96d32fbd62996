using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Mailing.DevInbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mailing.AspNetCore.Tests.Unsubscribe.Fixtures;

/// <summary>
/// An ASP.NET Core app on a real Kestrel server (https on 127.0.0.1, with the test's own certificate) that maps the
/// unsubscribe endpoint and records what its handler receives; the clock is a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class UnsubscribeApp : IAsyncDisposable
{
    private static readonly Lazy<X509Certificate2> s_certificate = new(() => DevCertificate.CreateLocalhost());

    private readonly WebApplication _app;

    private UnsubscribeApp(WebApplication app, Uri url, FakeTimeProvider time)
    {
        _app = app;
        Url = url;
        Time = time;
        Client = TrustingHttpClient.For(DevCertificate.PublicPart(s_certificate.Value));
    }

    public static DateTimeOffset Start { get; } = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The configured endpoint URL: <c>https://127.0.0.1:{port}/unsubscribe</c>.</summary>
    public Uri Url { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>A client as a mailbox provider is: no cookies, TLS verified against the test certificate.</summary>
    public HttpClient Client { get; }

    /// <summary>Every request the handler received, in order.</summary>
    public ConcurrentQueue<UnsubscribeRequest> Handled { get; } = new();

    public IServiceProvider Services => _app.Services;

    public UnsubscribeLinks Links => _app.Services.GetRequiredService<UnsubscribeLinks>();

    /// <summary>Starts an app; <paramref name="map"/> maps the endpoint (by default with a handler that records into <see cref="Handled"/>).</summary>
    public static async Task<UnsubscribeApp> StartAsync(
        Action<WebApplicationBuilder, MailingBuilder>? configure = null,
        Action<WebApplication, UnsubscribeApp>? map = null)
    {
        var port = LoopbackPort.Free();
        var url = new Uri($"https://127.0.0.1:{port}/unsubscribe");
        var time = new FakeTimeProvider(Start);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(s_certificate.Value)));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        var mailing = builder.Services.AddMailing(o => { o.From = "Shop <news@shop.example>"; o.Transport = "memory://default"; })
            .AddUnsubscribe(o => o.Url = url);
        configure?.Invoke(builder, mailing);

        var app = builder.Build();
        var running = new UnsubscribeApp(app, url, time);
        if (map is null)
        {
            app.MapMailingUnsubscribe("/unsubscribe", (request, _) =>
            {
                running.Handled.Enqueue(request);
                return Task.CompletedTask;
            });
        }
        else
        {
            map(app, running);
        }

        await app.StartAsync();
        return running;
    }

    /// <summary>POSTs the RFC 8058 one-click body to <paramref name="link"/>, as Gmail does.</summary>
    public Task<HttpResponseMessage> OneClickAsync(Uri link) =>
        Client.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
