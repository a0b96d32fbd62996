using System.Net.Http.Json;
using System.Text.Json;
using Mailing.DevInbox;
using Mailing.Transports.Smtp;

namespace Mailing.DevInbox.Tests;

/// <summary>A real dev inbox (SMTP and HTTP on free loopback ports) and an HTTP client pointed at it.</summary>
internal sealed class RunningInbox : IAsyncDisposable
{
    /// <summary>Bounds every wait so a broken behaviour fails instead of hanging; it never decides a pass.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private RunningInbox(DevInboxApp app)
    {
        App = app;
        Http = new HttpClient { BaseAddress = app.HttpAddress, Timeout = Patience };
    }

    public DevInboxApp App { get; }

    public HttpClient Http { get; }

    public int SmtpPort => App.SmtpPort;

    public static async Task<RunningInbox> StartAsync(Action<DevInboxOptions>? configure = null)
    {
        var options = new DevInboxOptions { SmtpPort = 0, HttpPort = 0, MaxMessages = 5000 };
        configure?.Invoke(options);
        using var timeout = new CancellationTokenSource(Patience);
        return new RunningInbox(await DevInboxApp.StartAsync(options, timeout.Token, logging => { }));
    }

    public SmtpTransport Transport() => new(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = SmtpPort,
        Security = SmtpSecurity.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        OperationTimeout = TimeSpan.FromSeconds(10),
        SendTimeout = Patience,
    });

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await Http.GetFromJsonAsync<JsonElement>(path, timeout.Token);
    }

    /// <summary>Long-polls the API until a message with this subject is there.</summary>
    public Task<JsonElement> WaitForSubjectAsync(string subject) =>
        GetJsonAsync($"api/messages/wait?subject={Uri.EscapeDataString(subject)}&timeout=30");

    public static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
