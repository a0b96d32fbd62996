using System.Diagnostics.CodeAnalysis;
using Mailing.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>
/// Returned by <c>services.AddMailing(...)</c> to configure the transport and options further:
/// <c>services.AddMailing(config.GetSection("Mailing")).UseSmtp(...)</c>.
/// </summary>
/// <remarks>
/// The mailer sends through exactly one <see cref="IEmailTransport"/>; the last <c>Use...</c> call wins.
/// Transport packages add their own <c>Use...</c> extension methods on this type.
/// </remarks>
public sealed class MailingBuilder
{
    internal MailingBuilder(IServiceCollection services, MailingTransportRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    /// <summary>The service collection Mailing is registered in.</summary>
    public IServiceCollection Services { get; }

    internal MailingTransportRegistry Registry { get; }

    /// <summary>Sends through the transport <paramref name="factory"/> creates (once, as a singleton).</summary>
    /// <param name="factory">Creates the transport from the application's services.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder UseTransport(Func<IServiceProvider, IEmailTransport> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAll<IEmailTransport>();
        Services.AddSingleton(factory);
        Registry.HasTransport = true;
        return this;
    }

    /// <summary>Sends through <typeparamref name="TTransport"/>, created by dependency injection as a singleton.</summary>
    /// <typeparam name="TTransport">The transport type.</typeparam>
    /// <returns>This builder.</returns>
    public MailingBuilder UseTransport<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTransport>()
        where TTransport : class, IEmailTransport
    {
        Services.TryAddSingleton<TTransport>();
        return UseTransport(static sp => sp.GetRequiredService<TTransport>());
    }

    /// <summary>Changes <see cref="MailingOptions"/> after they are read from configuration.</summary>
    /// <param name="configure">Sets options, e.g. <c>o =&gt; o.From = "Shop &lt;no-reply@shop.example&gt;"</c>.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder Configure(Action<MailingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddSingleton<IConfigureOptions<MailingOptions>>(new ConfigureNamedOptions<MailingOptions>(Options.DefaultName, configure));
        return this;
    }
}
