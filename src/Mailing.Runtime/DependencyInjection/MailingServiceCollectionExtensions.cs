using Mailing;
using Mailing.Observability;
using Mailing.Transports;
using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Mailing: <see cref="IMailer"/>, its options and the configured transport.</summary>
public static class MailingServiceCollectionExtensions
{
    private const string SmtpSectionName = "Smtp";
    private const string DkimSectionName = "Dkim";

    /// <summary>
    /// Registers Mailing with settings from <paramref name="section"/> (usually <c>configuration.GetSection("Mailing")</c>),
    /// validated when the host starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="section">The <c>Mailing</c> section: <c>From</c>, <c>Transport</c> (a DSN), <c>ReplyTo</c>, <c>Smtp</c>, <c>Dkim</c>.</param>
    /// <returns>A builder to configure the transport further.</returns>
    /// <remarks>
    /// An <c>smtp://</c> or <c>smtps://</c> <c>Transport</c> DSN selects SMTP, with keys from the <c>Smtp</c> child
    /// section added on top; without a <c>Transport</c>, an <c>Smtp</c> section alone selects SMTP; <c>memory://</c>
    /// and <c>pickup://</c> select a local transport. Invalid or missing settings stop the host at start-up with a
    /// message naming the key.
    /// </remarks>
    public static MailingBuilder AddMailing(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var builder = AddMailingCore(services, section);
        var registry = builder.Registry;
        registry.SectionPath = PathOf(section);
        services.AddSingleton<IConfigureOptions<MailingOptions>>(
            new ConfigureNamedOptions<MailingOptions>(Options.Options.DefaultName, options => MailingOptionsBinder.Bind(section, options)));
        services.AddSingleton<IOptionsChangeTokenSource<MailingOptions>>(new ConfigurationChangeTokenSource<MailingOptions>(section));

        var dkim = section.GetSection(DkimSectionName);
        if (dkim.Exists())
        {
            builder.UseDkim(dkim);
        }

        var smtp = section.GetSection(SmtpSectionName);
        registry.SmtpDefaults = smtp.Exists() ? smtp : null;
        MailingSectionReader.ReadTransports(section, registry);
        MailingSectionReader.ReadRoutes(section, registry);
        MailingSectionReader.ReadDispatch(section, registry);
        if (MailingSectionReader.ReadStaging(section, registry))
        {
            builder.EnsureStagingInterceptor();
        }

        var transport = section[nameof(MailingOptions.Transport)];
        if (transport is null)
        {
            // Without a Transport, a Mailing:Smtp section alone selects SMTP.
            if (smtp.Exists())
            {
                builder.UseSmtp(smtp);
            }
        }
        else if (TransportDsn.TryParse(transport, out var dsn, out _) && IsSingleTransportScheme(dsn) && (!registry.UsesPlan || IsMemory(dsn)))
        {
            // memory:// is always the InMemoryTransport registered in the container, so a test can resolve it whatever else the
            // settings configure (a Dispatch policy, routes, named transports).
            UseTransportFromDsn(builder, dsn, $"{registry.SectionPath}:{nameof(MailingOptions.Transport)}");

            // A DSN gives the basics; Mailing:Smtp keys (timeouts, trusted certificates, ...) add to or override it.
            if (IsSmtp(dsn) && smtp.Exists())
            {
                builder.UseSmtp(smtp);
            }
        }
        else if (!string.IsNullOrWhiteSpace(transport))
        {
            builder.UseTransport(transport);
        }

        return builder;
    }

    /// <summary>Registers Mailing with settings given in code.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets <see cref="MailingOptions"/>, e.g. <c>From</c> and <c>Transport</c>.</param>
    /// <returns>A builder to configure the transport further.</returns>
    public static MailingBuilder AddMailing(this IServiceCollection services, Action<MailingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddMailingCore(services, null);
        var options = new MailingOptions();
        configure(options);
        builder.Configure(configure);
        if (TransportDsn.TryParse(options.Transport, out var dsn, out _) && IsSingleTransportScheme(dsn))
        {
            UseTransportFromDsn(builder, dsn, $"{options.SectionPath}:{nameof(MailingOptions.Transport)}");
        }
        else if (!string.IsNullOrWhiteSpace(options.Transport))
        {
            builder.UseTransport(options.Transport);
        }

        return builder;
    }

    /// <summary>
    /// Teaches Mailing a DSN scheme: wherever a transport is named (<c>Mailing:Transport</c>, <c>Mailing:Transports:*</c>,
    /// inside <c>failover(...)</c>), <c>{scheme}://...</c> becomes the transport <paramref name="factory"/> creates.
    /// </summary>
    /// <param name="services">The application's services; before or after <c>AddMailing</c>.</param>
    /// <param name="scheme">The scheme, e.g. <c>inbox</c>; the built-in ones (<c>smtp</c>, <c>memory</c>, ...) cannot be replaced.</param>
    /// <param name="factory">Creates the transport from the DSN, its name and the application's services.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// This is how packages that Mailing does not depend on offer a DSN (the dev inbox adds <c>inbox://default</c>).
    /// Adding the same scheme again replaces its factory.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="scheme"/> is empty, contains <c>://</c>, or is a built-in scheme.</exception>
    public static IServiceCollection AddMailingTransportScheme(this IServiceCollection services, string scheme, TransportSchemeFactory factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentNullException.ThrowIfNull(factory);
        if (scheme.Contains(':', StringComparison.Ordinal) || TransportFactory.IsBuiltInScheme(scheme))
        {
            throw new ArgumentException($"\"{scheme}\" cannot be added: write the scheme without \"://\", and not one of {TransportFactory.KnownSchemes}.", nameof(scheme));
        }

        RegistryIn(services).AddScheme(scheme.ToLowerInvariant(), factory);
        return services;
    }

    private static bool IsSmtp(TransportDsn dsn) => dsn.Scheme is "smtp" or "smtps";

    private static bool IsMemory(TransportDsn dsn) => dsn.Scheme == "memory";

    // The schemes a single DSN selects directly; anything else (provider APIs, lists, names) goes through the plan.
    private static bool IsSingleTransportScheme(TransportDsn dsn) => dsn.Scheme is "smtp" or "smtps" or "memory" or "pickup";

    private static string PathOf(IConfiguration section) => section is IConfigurationSection s ? s.Path : "Mailing";

    private static MailingTransportRegistry RegistryIn(IServiceCollection services)
    {
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(MailingTransportRegistry))?.ImplementationInstance as MailingTransportRegistry;
        if (registry is null)
        {
            registry = new MailingTransportRegistry();
            services.AddSingleton(registry);
        }

        return registry;
    }

    private static MailingBuilder AddMailingCore(IServiceCollection services, IConfiguration? section)
    {
        var registry = RegistryIn(services);

        services.AddOptions<MailingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailingOptions>, MailingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MailingTelemetry>();
        services.TryAddSingleton(static sp => sp.GetRequiredService<MailingTransportRegistry>().Build(sp));
        services.TryAddSingleton<IEmailTransport>(static sp => sp.GetRequiredService<ConfiguredTransports>().Default);
        services.AddHttpClient();
        services.TryAddSingleton<IMailer, Mailer>();
        services.TryAddSingleton<EmailMessageCompleter>();
        var builder = new MailingBuilder(services, registry);
        SuppressionMailingBuilderExtensions.AddDefault(builder, section);
        MailEventsMailingBuilderExtensions.AddDefault(builder);
        return builder;
    }

    private static void UseTransportFromDsn(MailingBuilder builder, TransportDsn dsn, string key)
    {
        switch (dsn.Scheme)
        {
            case "smtp" or "smtps":
                try
                {
                    builder.UseSmtp(dsn);
                }
                catch (ArgumentException exception)
                {
                    // Reported by start-up validation with the key, like every other configuration problem.
                    builder.Registry.Problems.Add($"{key} \"{dsn}\": {exception.Message.Split(" (Parameter", 2)[0]}");
                }

                break;
            case "memory":
                builder.UseInMemoryTransport();
                break;
            case "pickup":
                var directory = dsn.GetOption("path") ?? dsn.Path;
                if (directory is not null)
                {
                    builder.UsePickupDirectory(directory);
                }

                break;
        }
    }
}
