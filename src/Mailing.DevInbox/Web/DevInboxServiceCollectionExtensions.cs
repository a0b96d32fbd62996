using Mailing;
using Mailing.DevInbox;
using Mailing.DevInbox.Previews;
using Mailing.DevInbox.Smtp;
using Mailing.DevInbox.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mailing dev inbox in an application's services.</summary>
public static class DevInboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dev inbox: an SMTP listener on <see cref="DevInboxOptions.SmtpPort"/> that catches
    /// every message, the <c>inbox://default</c> transport that files the app's mail into it without a socket, the
    /// app's <c>[EmailPreview]</c> samples, and the store the web inbox mapped by
    /// <see cref="Microsoft.AspNetCore.Builder.DevInboxEndpointRouteBuilderExtensions.MapMailingDevInbox"/> reads.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes to the default options (SMTP on loopback:4125, 500 messages in memory).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// The inbox runs in the Development environment only, unless <see cref="DevInboxOptions.Force"/> is set: elsewhere
    /// nothing listens and <c>inbox://</c> refuses to send. Nothing caught is ever relayed. Point the app at it with
    /// <c>"Mailing": { "Transport": "inbox://default" }</c> in appsettings.Development.json (or at
    /// <c>smtp://localhost:4125</c> to go through SMTP).
    /// </remarks>
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
        services.TryAddSingleton(provider => new DevInboxActivation(
            provider.GetRequiredService<IOptions<DevInboxOptions>>(), provider.GetService<IHostEnvironment>()));
        services.TryAddSingleton(new PreviewCatalog(static () => EmailPreviewCatalog.Previews));
        services.TryAddSingleton<PreviewDelivery>();
        services.AddMailingTransportScheme(InboxTransport.Scheme, static (_, name, provider) => new InboxTransport(
            provider.GetRequiredService<MessageInbox>(), provider.GetRequiredService<DevInboxActivation>(), provider.GetRequiredService<TimeProvider>(), name));
        services.TryAddSingleton<SmtpListener>();
        services.AddHostedService(provider => provider.GetRequiredService<SmtpListener>());
        return services;
    }
}
