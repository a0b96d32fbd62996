using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailing.Transports.Smtp;

/// <summary>Sends Mailing's messages over SMTP: <c>services.AddMailing(...).UseSmtp(...)</c>.</summary>
public static class SmtpMailingBuilderExtensions
{
    private const string DefaultSectionPath = "Mailing:Smtp";

    /// <summary>Sends through SMTP with options set in code.</summary>
    /// <param name="builder">The builder returned by <c>AddMailing</c>.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; { o.Host = "smtp.example.com"; o.Username = ...; }</c>,
    /// or names a preset: <c>o =&gt; { o.Provider = "SendGrid"; o.Password = apiKey; }</c>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the host starts; a problem stops it with a message naming the setting and the fix.</remarks>
    public static MailingBuilder UseSmtp(this MailingBuilder builder, Action<SmtpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SmtpOptions>().Configure(configure);
        return AddTransport(builder, DefaultSectionPath);
    }

    /// <summary>Sends through SMTP with options read from <paramref name="smtpSection"/> (usually <c>Mailing:Smtp</c>).</summary>
    /// <param name="builder">The builder returned by <c>AddMailing</c>.</param>
    /// <param name="smtpSection">
    /// Keys: <c>Host</c>, <c>Port</c>, <c>Security</c>, <c>Username</c>, <c>Password</c>, <c>Provider</c>, <c>Region</c>,
    /// <c>AllowPort25</c>, <c>ConnectTimeout</c>, <c>OperationTimeout</c>, <c>SendTimeout</c>, <c>IdleTimeout</c>,
    /// <c>PoolSize</c>, <c>LocalDomain</c>, <c>CheckCertificateRevocation</c>, and <c>TrustedCertificateFiles</c> (PEM paths).
    /// </param>
    /// <returns>The builder.</returns>
    public static MailingBuilder UseSmtp(this MailingBuilder builder, IConfiguration smtpSection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(smtpSection);
        builder.Services.AddOptions<SmtpOptions>().Configure(options => SmtpOptionsBinder.Bind(smtpSection, options));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<SmtpOptions>>(new ConfigurationChangeTokenSource<SmtpOptions>(smtpSection));
        return AddTransport(builder, (smtpSection as IConfigurationSection)?.Path ?? DefaultSectionPath);
    }

    /// <summary>Sends through SMTP as described by a DSN such as <c>smtp://apikey:KEY@smtp.sendgrid.net:587</c>.</summary>
    /// <param name="builder">The builder returned by <c>AddMailing</c>.</param>
    /// <param name="dsn">An <c>smtp://</c> or <c>smtps://</c> DSN; see <see cref="SmtpOptions.FromDsn"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The DSN is not an SMTP DSN or has a bad option.</exception>
    public static MailingBuilder UseSmtp(this MailingBuilder builder, TransportDsn dsn)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parsed = SmtpOptions.FromDsn(dsn);
        return builder.UseSmtp(options =>
        {
            options.Host = parsed.Host;
            options.Port = parsed.Port;
            options.Security = parsed.Security;
            options.Username = parsed.Username;
            options.Password = parsed.Password;
            options.LocalDomain = parsed.LocalDomain;
            options.OperationTimeout = parsed.OperationTimeout;
            options.PoolSize = parsed.PoolSize;
            options.AllowPort25 = parsed.AllowPort25;
            foreach (var fallback in parsed.FallbackPorts)
            {
                options.FallbackPorts.Add(fallback);
            }
        });
    }

    private static MailingBuilder AddTransport(MailingBuilder builder, string sectionPath)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>().ValidateOnStart();
        services.RemoveAll<IValidateOptions<SmtpOptions>>();
        services.AddSingleton<IValidateOptions<SmtpOptions>>(new SmtpOptionsValidator(sectionPath));
        services.RemoveAll<IPostConfigureOptions<SmtpOptions>>();
        services.AddSingleton<IPostConfigureOptions<SmtpOptions>>(new SmtpPresetPostConfigure(sectionPath));
        services.RemoveAll<SmtpTransport>();
        services.AddSingleton(provider => new SmtpTransport(
            provider.GetRequiredService<IOptions<SmtpOptions>>().Value,
            provider.GetService<ILogger<SmtpTransport>>(),
            provider.GetService<TimeProvider>())
        {
            Dkim = provider.GetService<DkimMessageSigner>(),
        });
        return builder.UseTransport(provider => provider.GetRequiredService<SmtpTransport>());
    }
}
