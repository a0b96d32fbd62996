using Mailing.DevInbox.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailing.DevInbox;

/// <summary>The standalone inbox of <c>mailing dev</c>: SMTP and the web inbox in one process.</summary>
internal sealed class DevInboxApp(WebApplication app) : IAsyncDisposable
{
    public WebApplication Web => app;

    /// <summary>The SMTP port, once started.</summary>
    public int SmtpPort => app.Services.GetRequiredService<SmtpListener>().Port;

    /// <summary>The web inbox's address, once started, e.g. <c>http://127.0.0.1:4100/</c>.</summary>
    public Uri HttpAddress => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");

    public static async Task<DevInboxApp> StartAsync(DevInboxOptions options, CancellationToken cancellationToken, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.BindAddress, options.HttpPort));
        builder.Logging.ClearProviders();
        if (logging is null)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Mailing", LogLevel.Information);
        }
        else
        {
            logging(builder.Logging);
        }

        builder.Services.AddMailingDevInbox(configured =>
        {
            configured.SmtpPort = options.SmtpPort;
            configured.HttpPort = options.HttpPort;
            configured.BindAddress = options.BindAddress;
            configured.StartTls = options.StartTls;
            configured.Username = options.Username;
            configured.Password = options.Password;
            configured.StorageDirectory = options.StorageDirectory;
            configured.MaxMessages = options.MaxMessages;
            configured.MaxMessageSize = options.MaxMessageSize;
            configured.Chaos = options.Chaos;
            configured.Force = true;
        });

        var app = builder.Build();
        app.MapMailingDevInbox("/");
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new DevInboxApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
