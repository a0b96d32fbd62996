using Mailing.DevInbox;
using Mailing.DevInbox.Smtp;
using Mailing.DevInbox.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mailing dev inbox in an application's services.</summary>
public static class DevInboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dev inbox: an SMTP listener on <see cref="DevInboxOptions.SmtpPort"/> that catches
    /// every message, and the store the web inbox mapped by
    /// <see cref="Microsoft.AspNetCore.Builder.DevInboxEndpointRouteBuilderExtensions.MapMailingDevInbox"/> reads.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes to the default options (SMTP on loopback:4125, 500 messages in memory).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>Nothing caught is ever relayed. Point the app's transport at <c>smtp://localhost:4125</c> in Development.</remarks>
    public static IServiceCollection AddMailingDevInbox(this IServiceCollection services, Action<DevInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DevInboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxMessages > 0 && o.MaxMessageSize > 0 && (o.Username is null) == (o.Password is null),
            "MaxMessages and MaxMessageSize must be positive, and Username and Password are set together or not at all.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ChaosMode(provider.GetRequiredService<IOptions<DevInboxOptions>>().Value.Chaos));
        services.TryAddSingleton<IMessageStorage>(provider =>
            provider.GetRequiredService<IOptions<DevInboxOptions>>().Value.StorageDirectory is { } directory
                ? new DirectoryMessageStorage(directory, provider.GetRequiredService<ILogger<DirectoryMessageStorage>>())
                : new MemoryMessageStorage());
        services.TryAddSingleton(provider => new MessageInbox(
            provider.GetRequiredService<IMessageStorage>(),
            provider.GetRequiredService<IOptions<DevInboxOptions>>().Value.MaxMessages,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SmtpListener>();
        services.AddHostedService(provider => provider.GetRequiredService<SmtpListener>());
        return services;
    }
}
