using Mailing.Transports;
using Mailing.Transports.Http;
using Mailing.Transports.Http.Mailgun;
using Mailing.Transports.Http.Postmark;
using Mailing.Transports.Http.Resend;
using Mailing.Transports.Http.SendGrid;
using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailing;

/// <summary>
/// Turns one configured transport (a DSN, or a section with <c>Type</c> or <c>Dsn</c>) into validated options and a
/// function that creates the transport. Every problem is recorded with its key; nothing is thrown.
/// </summary>
internal static class TransportFactory
{
    private const string TypeKey = "Type";
    private const string DsnKey = "Dsn";

    private static readonly string[] SectionTypes = ["smtp", "sendgrid", "postmark", "mailgun", "resend", "memory", "log", "pickup"];

    private static readonly string[] BuiltInSchemes = ["smtp", "smtps", SendGridOptions.Scheme, PostmarkOptions.Scheme, MailgunOptions.Scheme, ResendOptions.Scheme, "memory", "log", "pickup"];

    public const string KnownSchemes = "smtp://, smtps://, sendgrid+api://, postmark+api://, mailgun+api://, resend+api://, memory://, log:// or pickup://";

    /// <summary>Whether <paramref name="scheme"/> is one Mailing handles itself, which an added scheme may not replace.</summary>
    public static bool IsBuiltInScheme(string scheme) => BuiltInSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>The name a transport written inline as a DSN is reported under, e.g. <c>smtp</c> or <c>postmark</c>.</summary>
    public static string DefaultNameFor(TransportDsn dsn) =>
        dsn.Scheme.EndsWith("+api", StringComparison.Ordinal) ? dsn.Scheme[..^4] : dsn.Scheme == "smtps" ? "smtp" : dsn.Scheme;

    /// <summary>A transport from a DSN, with settings from <paramref name="own"/> (its section) on top.</summary>
    public static Func<IServiceProvider, IEmailTransport>? FromDsn(
        string name,
        TransportDsn dsn,
        IConfigurationSection? own,
        IConfigurationSection? smtpDefaults,
        IReadOnlyDictionary<string, TransportSchemeFactory> addedSchemes,
        string key,
        List<string> problems)
    {
        switch (dsn.Scheme)
        {
            case "smtp" or "smtps":
                return Smtp(name, dsn, own, smtpDefaults, key, problems);
            case SendGridOptions.Scheme:
                return HttpApi(SendGridOptions.FromDsn(dsn), own, static (o, s) => o.Bind(s), key, problems, SendGridCreator(name));
            case ResendOptions.Scheme:
                return HttpApi(ResendOptions.FromDsn(dsn), own, static (o, s) => o.Bind(s), key, problems, ResendCreator(name));
            case PostmarkOptions.Scheme:
                return HttpApi(PostmarkOptions.FromDsn(dsn), own, static (o, s) => o.Bind(s), key, problems, PostmarkCreator(name));
            case MailgunOptions.Scheme:
                return HttpApi(MailgunOptions.FromDsn(dsn), own, static (o, s) => o.Bind(s), key, problems, MailgunCreator(name));
            case "memory":
                return Memory(name);
            case "log":
                return Log(name);
            case "pickup":
                return Pickup(name, dsn.GetOption("path") ?? dsn.Path ?? own?["Path"], $"{key} \"{dsn}\" names no directory: write pickup://default?path=mail/outbox (relative) or pickup://default/var/mail/outbox (absolute).", problems);
            case var other when addedSchemes.TryGetValue(other, out var create):
                return sp => create(dsn, name, sp);
            default:
                var added = addedSchemes.Count == 0 ? "" : $" (added in code: {string.Join(", ", addedSchemes.Keys.Select(s => s + "://"))})";
                problems.Add($"{key} uses the scheme \"{dsn.Scheme}\", which no registered transport handles. Use {KnownSchemes}{added}, or add the transport in code (AddMailing(...).AddTransport(name, factory)).");
                return null;
        }
    }

    /// <summary>A transport from a section: <c>Dsn</c> plus settings, or <c>Type</c> plus settings.</summary>
    public static Func<IServiceProvider, IEmailTransport>? FromSection(
        string name, IConfigurationSection section, IConfigurationSection? smtpDefaults, IReadOnlyDictionary<string, TransportSchemeFactory> addedSchemes, List<string> problems)
    {
        if (section[DsnKey] is { } dsnText)
        {
            if (!TransportDsn.TryParse(dsnText, out var dsn, out var error))
            {
                problems.Add($"{section.Path}:{DsnKey} is not a valid DSN: {error}");
                return null;
            }

            return FromDsn(name, dsn, section, smtpDefaults, addedSchemes, $"{section.Path}:{DsnKey}", problems);
        }

        // A section named after its type ("postmark": { "ApiKey": ... }) needs no Type key.
        var type = section[TypeKey] ?? (SectionTypes.Contains(section.Key, StringComparer.OrdinalIgnoreCase) ? section.Key : null);
        switch (type?.Trim().ToLowerInvariant())
        {
            case "smtp":
                return Smtp(name, null, section, smtpDefaults, section.Path, problems);
            case "sendgrid":
                return HttpApi(new SendGridOptions(), section, static (o, s) => o.Bind(s), section.Path, problems, SendGridCreator(name));
            case "resend":
                return HttpApi(new ResendOptions(), section, static (o, s) => o.Bind(s), section.Path, problems, ResendCreator(name));
            case "postmark":
                return HttpApi(new PostmarkOptions(), section, static (o, s) => o.Bind(s), section.Path, problems, PostmarkCreator(name));
            case "mailgun":
                return HttpApi(new MailgunOptions(), section, static (o, s) => o.Bind(s), section.Path, problems, MailgunCreator(name));
            case "memory":
                return Memory(name);
            case "log":
                return Log(name);
            case "pickup":
                return Pickup(name, section["Path"], $"{section.Path}:Path is missing: name the directory .eml files are written to.", problems);
            case null:
                problems.Add($"{section.Path} has neither {DsnKey} nor {TypeKey}: write the transport as a DSN string, or give the section \"{TypeKey}\": \"smtp\" (or sendgrid, postmark, mailgun, resend, memory, log, pickup) with its settings.");
                return null;
            case var other:
                problems.Add($"{section.Path}:{TypeKey} is \"{other}\", which is not a transport type. Use smtp, sendgrid, postmark, mailgun, resend, memory, log or pickup.");
                return null;
        }
    }

    private static Func<IServiceProvider, IEmailTransport>? Smtp(
        string name, TransportDsn? dsn, IConfigurationSection? own, IConfigurationSection? smtpDefaults, string key, List<string> problems)
    {
        // Mailing:Smtp holds what every SMTP transport shares (timeouts, trusted certificates, pool size); the DSN
        // names the server; the transport's own section has the last word.
        var options = new SmtpOptions();
        if (smtpDefaults is not null && smtpDefaults.Exists())
        {
            SmtpOptionsBinder.Bind(smtpDefaults, options);
        }

        if (dsn is not null)
        {
            SmtpOptions fromDsn;
            try
            {
                fromDsn = SmtpOptions.FromDsn(dsn);
            }
            catch (ArgumentException exception)
            {
                problems.Add($"{key} \"{dsn}\": {exception.Message.Split(" (Parameter", 2)[0]}");
                return null;
            }

            options.Host = fromDsn.Host;
            options.Port = fromDsn.Port;
            options.Security = fromDsn.Security;
            options.Username = fromDsn.Username;
            options.Password = fromDsn.Password;
            if (dsn.Options.Count > 0)
            {
                ApplyDsnOptions(dsn, fromDsn, options);
            }
        }

        if (own is not null)
        {
            SmtpOptionsBinder.Bind(own, options);
        }

        try
        {
            SmtpPresets.Apply(options);
        }
        catch (ArgumentException exception)
        {
            options.BindingErrors.Add($"{key}:Provider: {exception.Message.Split(" (Parameter", 2)[0]}");
        }

        var errors = SmtpOptionsValidator.Check(options, key);
        if (errors.Count > 0)
        {
            problems.AddRange(errors);
            return null;
        }

        return sp => new SmtpTransport(options, Logger<SmtpTransport>(sp), sp.GetService<TimeProvider>(), name) { Dkim = sp.GetService<DkimMessageSigner>() };
    }

    private static void ApplyDsnOptions(TransportDsn dsn, SmtpOptions fromDsn, SmtpOptions options)
    {
        if (dsn.Options.ContainsKey("local_domain"))
        {
            options.LocalDomain = fromDsn.LocalDomain;
        }

        if (dsn.Options.ContainsKey("timeout"))
        {
            options.OperationTimeout = fromDsn.OperationTimeout;
        }

        if (dsn.Options.ContainsKey("pool_size"))
        {
            options.PoolSize = fromDsn.PoolSize;
        }

        if (dsn.Options.ContainsKey("allow_port_25"))
        {
            options.AllowPort25 = fromDsn.AllowPort25;
        }

        if (dsn.Options.ContainsKey("fallback_ports"))
        {
            options.FallbackPorts.Clear();
            foreach (var fallback in fromDsn.FallbackPorts)
            {
                options.FallbackPorts.Add(fallback);
            }
        }
    }

    /// <summary>A provider API transport: its options from the DSN or a new set, its own section on top, then checked.</summary>
    private static Func<IServiceProvider, IEmailTransport>? HttpApi<TOptions>(
        TOptions options,
        IConfigurationSection? own,
        Action<TOptions, IConfiguration> bind,
        string key,
        List<string> problems,
        Func<TOptions, IServiceProvider, IEmailTransport> create)
        where TOptions : HttpApiOptions
    {
        if (own is not null)
        {
            bind(options, own);
        }

        return Checked(options, own?.Path ?? key, problems) ? sp => create(options, sp) : null;
    }

    private static bool Checked(HttpApiOptions options, string key, List<string> problems)
    {
        var errors = options.Validate(key);
        problems.AddRange(errors);
        return errors.Count == 0;
    }

    private static Func<SendGridOptions, IServiceProvider, IEmailTransport> SendGridCreator(string name) =>
        (options, sp) => new SendGridTransport(options, Clients(sp), name, sp.GetService<TimeProvider>(), Logger<SendGridTransport>(sp));

    private static Func<ResendOptions, IServiceProvider, IEmailTransport> ResendCreator(string name) =>
        (options, sp) => new ResendTransport(options, Clients(sp), name, sp.GetService<TimeProvider>(), Logger<ResendTransport>(sp));

    private static Func<PostmarkOptions, IServiceProvider, IEmailTransport> PostmarkCreator(string name) =>
        (options, sp) => new PostmarkTransport(options, Clients(sp), name, sp.GetService<TimeProvider>(), Logger<PostmarkTransport>(sp));

    private static Func<MailgunOptions, IServiceProvider, IEmailTransport> MailgunCreator(string name) =>
        (options, sp) => new MailgunTransport(options, Clients(sp), name, sp.GetService<TimeProvider>(), Logger<MailgunTransport>(sp));

    private static IHttpClientFactory Clients(IServiceProvider services) => services.GetRequiredService<IHttpClientFactory>();

    private static Func<IServiceProvider, IEmailTransport> Log(string name) =>
        sp => new LogTransport(Logger<LogTransport>(sp), sp.GetService<TimeProvider>(), name);

    private static Func<IServiceProvider, IEmailTransport> Memory(string name) =>
        sp => new InMemoryTransport(sp.GetService<TimeProvider>(), name) { Dkim = sp.GetService<DkimMessageSigner>() };

    private static Func<IServiceProvider, IEmailTransport>? Pickup(string name, string? directory, string missing, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            problems.Add(missing);
            return null;
        }

        return sp => new PickupDirectoryTransport(directory, sp.GetService<TimeProvider>(), Logger<PickupDirectoryTransport>(sp), name) { Dkim = sp.GetService<DkimMessageSigner>() };
    }

    private static ILogger<T>? Logger<T>(IServiceProvider services) => services.GetService<ILoggerFactory>()?.CreateLogger<T>();
}
