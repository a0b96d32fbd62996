using Mailing.DevInbox;
using Mailing.DevInbox.Smtp;
using Mailing.DevInbox.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Mailing dev inbox's web pages and REST API into an ASP.NET Core app.</summary>
public static partial class DevInboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the web inbox at <paramref name="prefix"/>, the app's previews at <c>{prefix}/previews</c> and the REST API
    /// at <c>{prefix}/api</c>, in the Development environment only unless <see cref="DevInboxOptions.Force"/> is set.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">Where the inbox lives, e.g. <c>/_mailing</c>.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><see cref="DevInboxServiceCollectionExtensions.AddMailingDevInbox"/> was not called.</exception>
    /// <remarks>
    /// When the app has started, a log line says where the inbox is. Caught mail may hold secrets (reset links, codes):
    /// never force the inbox on where others can reach it.
    /// </remarks>
    public static IEndpointRouteBuilder MapMailingDevInbox(this IEndpointRouteBuilder endpoints, string prefix = "/_mailing")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var activation = services.GetService<DevInboxActivation>()
            ?? throw new InvalidOperationException("Call builder.Services.AddMailingDevInbox() before app.MapMailingDevInbox().");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Mailing.DevInbox");
        if (!activation.IsActive)
        {
            LogSkipped(logger, activation.EnvironmentName);
            return endpoints;
        }

        var root = prefix.StartsWith('/') ? prefix : "/" + prefix;
        InboxEndpoints.Map(endpoints, root);
        PreviewEndpoints.Map(endpoints, root);
        var path = root.TrimEnd('/') + "/";
        services.GetService<IHostApplicationLifetime>()?.ApplicationStarted.Register(() =>
            LogMapped(logger, AddressOf(services.GetService<IServer>()) + path, services.GetRequiredService<SmtpListener>().Port));
        return endpoints;
    }

    // The first address the server listens on, so the log line is a link; empty before the server has one.
    private static string AddressOf(IServer? server) =>
        server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailing dev inbox at {Url} (previews at {Url}previews, REST API under {Url}api; SMTP on port {SmtpPort}, inbox://default delivers in-process).")]
    private static partial void LogMapped(ILogger logger, string url, int smtpPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailing dev inbox not mapped: the environment is {Environment}, not Development (set DevInboxOptions.Force to map it anyway).")]
    private static partial void LogSkipped(ILogger logger, string environment);
}
