using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailing.Queue.Tests.Fixtures;

/// <summary>An application in this process, configured as a user would: <c>Mailing</c> settings, <c>UseQueue</c>, optionally a worker.</summary>
internal static class QueueHost
{
    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, bool worker, Action<Wolverine.WolverineOptions>? configureWolverine = null, Action<IServiceCollection>? after = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMailing(builder.Configuration.GetSection("Mailing")).UseQueue(builder.Configuration.GetSection("Mailing:Queue"), configureWolverine);
        if (worker)
        {
            builder.Services.AddMailingWorker();
        }

        after?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Settings for a queue on <paramref name="storage"/> sending over plaintext SMTP to a loopback sink.</summary>
    public static Dictionary<string, string?> Settings(string storage, string transport) => new()
    {
        ["Mailing:From"] = "Shop <no-reply@shop.example>",
        ["Mailing:Transport"] = transport,
        // The queue retries; the dispatcher tries once, and its circuit breaker (whose pause a failing send reports as
        // Retry-After) pauses a failing provider for half a second rather than thirty.
        ["Mailing:Dispatch:MaxRetries"] = "0",
        ["Mailing:Dispatch:BreakDuration"] = "0.5",
        ["Mailing:Dispatch:SamplingDuration"] = "0.5",
        ["Mailing:Queue:Storage"] = storage,
        ["Mailing:Queue:PollingInterval"] = "0.1",
        ["Mailing:Queue:RetryBaseDelay"] = "0.2",
        ["Mailing:Queue:RetryMaxDelay"] = "1",
        ["Mailing:Queue:WorkerTimeout"] = "3",
        ["Mailing:Queue:MetricsInterval"] = "0.2",
    };

    public static string SmtpTransport(int port) => $"smtp://127.0.0.1:{port}?security=none&pool_size=8";
}
