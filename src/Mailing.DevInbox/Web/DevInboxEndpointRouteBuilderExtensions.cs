using Mailing.DevInbox;
using Mailing.DevInbox.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Mailing dev inbox's web pages and REST API into an ASP.NET Core app.</summary>
public static partial class DevInboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the web inbox at <paramref name="prefix"/> and its REST API at <c>{prefix}/api</c>, in the
    /// Development environment only unless <see cref="DevInboxOptions.Force"/> is set.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">Where the inbox lives, e.g. <c>/_mailing</c>.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><see cref="DevInboxServiceCollectionExtensions.AddMailingDevInbox"/> was not called.</exception>
    /// <remarks>Caught mail may hold secrets (reset links, codes): never force the inbox on where others can reach it.</remarks>
    public static IEndpointRouteBuilder MapMailingDevInbox(this IEndpointRouteBuilder endpoints, string prefix = "/_mailing")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var options = services.GetService<IOptions<DevInboxOptions>>()
            ?? throw new InvalidOperationException("Call builder.Services.AddMailingDevInbox() before app.MapMailingDevInbox().");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Mailing.DevInbox");
        if (!options.Value.Force && !services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            LogSkipped(logger);
            return endpoints;
        }

        InboxEndpoints.Map(endpoints, prefix.StartsWith('/') ? prefix : "/" + prefix);
        LogMapped(logger, prefix.TrimEnd('/') + "/");
        return endpoints;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailing dev inbox at {Prefix} (REST API under {Prefix}api).")]
    private static partial void LogMapped(ILogger logger, string prefix);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailing dev inbox not mapped: the environment is not Development (set DevInboxOptions.Force to map it anyway).")]
    private static partial void LogSkipped(ILogger logger);
}
