using System.Diagnostics.CodeAnalysis;
using Mailing.Dispatch;
using Mailing.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>
/// Returned by <c>services.AddMailing(...)</c> to configure transports, routing, retries and interceptors further:
/// <c>services.AddMailing(config.GetSection("Mailing")).UseSmtp(...)</c>.
/// </summary>
/// <remarks>
/// The mailer sends through one default transport: the last <c>Use...</c> call wins. Named transports
/// (<see cref="AddTransport(string, string)"/>), routes and a dispatch policy add a dispatcher in front of it; a
/// message picks a named transport with <see cref="EmailMessage.WithTransport"/>. Transport packages add their own
/// <c>Use...</c> extension methods on this type.
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
        Registry.SetDefault(factory);
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

    /// <summary>
    /// Sends through the transport <paramref name="transport"/> describes: a DSN (<c>postmark+api://TOKEN@default</c>),
    /// a named transport, or a list such as <c>failover(postmark backup)</c> or <c>roundrobin(a b)</c>.
    /// </summary>
    /// <param name="transport">The same text <c>Mailing:Transport</c> takes; problems are reported at start-up.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder UseTransport(string transport)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transport);
        Registry.SetDefault(transport);
        return this;
    }

    /// <summary>Adds a named transport, described as a DSN or a transport list, as under <c>Mailing:Transports:{name}</c>.</summary>
    /// <param name="name">The name messages (<see cref="EmailMessage.WithTransport"/>), routes and lists refer to.</param>
    /// <param name="transport">A DSN, another transport's name, or a <c>failover(...)</c>/<c>roundrobin(...)</c> list.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder AddTransport(string name, string transport)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(transport);
        Registry.Add(new TransportDefinition(name, $"AddTransport(\"{name}\")") { Text = transport });
        return this;
    }

    /// <summary>Adds a named transport created in code (once, as a singleton).</summary>
    /// <param name="name">The name messages, routes and lists refer to.</param>
    /// <param name="factory">Creates the transport; the application disposes what it creates there.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder AddTransport(string name, Func<IServiceProvider, IEmailTransport> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        Registry.Add(new TransportDefinition(name, $"AddTransport(\"{name}\")") { Factory = factory });
        return this;
    }

    /// <summary>Sends messages that match <paramref name="predicate"/> through the named transport, unless they name one themselves.</summary>
    /// <param name="transportName">A configured transport.</param>
    /// <param name="predicate">Whether a message takes this route; rules are tried in the order they were added.</param>
    /// <param name="description">What the rule matches, for errors and logs.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder Route(string transportName, Func<EmailMessage, bool> predicate, string description = "a predicate")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transportName);
        ArgumentNullException.ThrowIfNull(predicate);
        Registry.AddRoute(new MailRoute(transportName, predicate, description));
        return this;
    }

    /// <summary>Sends messages carrying the tag <paramref name="tag"/> through the named transport.</summary>
    /// <returns>This builder.</returns>
    public MailingBuilder RouteTag(string tag, string transportName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return Route(transportName, MailRoutes.Tag(tag), $"tag \"{tag}\"");
    }

    /// <summary>Sends messages rendered from <typeparamref name="TTemplate"/> through the named transport.</summary>
    /// <returns>This builder.</returns>
    public MailingBuilder RouteTemplate<TTemplate>(string transportName)
        where TTemplate : IEmailTemplate =>
        Route(transportName, static message => message.Template is TTemplate, $"template {typeof(TTemplate).Name}");

    /// <summary>Sets how dispatchers retry, fail over and pause failing transports (<c>Mailing:Dispatch</c> in configuration).</summary>
    /// <param name="configure">Changes the policy, e.g. <c>p =&gt; p.MaxRetries = 4</c>.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder ConfigureDispatch(Action<DispatchPolicy> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Registry.EnsurePolicy());
        return this;
    }

    /// <summary>Runs <typeparamref name="TInterceptor"/> (a singleton) before every message is sent.</summary>
    /// <returns>This builder.</returns>
    public MailingBuilder AddInterceptor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInterceptor>()
        where TInterceptor : class, IMailInterceptor
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailInterceptor, TInterceptor>());
        return this;
    }

    /// <summary>Runs <paramref name="interceptor"/> before every message is sent.</summary>
    /// <returns>This builder.</returns>
    public MailingBuilder AddInterceptor(IMailInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        Services.AddSingleton(interceptor);
        return this;
    }

    /// <summary>Tells <typeparamref name="TObserver"/> (a singleton) what became of every message.</summary>
    /// <returns>This builder.</returns>
    public MailingBuilder AddObserver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>()
        where TObserver : class, IMailObserver
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailObserver, TObserver>());
        return this;
    }

    /// <summary>Tells <paramref name="observer"/> what became of every message.</summary>
    /// <returns>This builder.</returns>
    public MailingBuilder AddObserver(IMailObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        Services.AddSingleton(observer);
        return this;
    }

    /// <summary>
    /// For staging: sends every message to <paramref name="address"/> instead of its recipients (except those
    /// <see cref="AllowRecipients"/> lets through), keeping the originals in <c>X-Original-To</c>.
    /// </summary>
    /// <param name="address">Where all mail goes, e.g. <c>qa@company.test</c>.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder RedirectAllMailTo(EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Registry.Staging.RedirectTo = address;
        EnsureStagingInterceptor();
        return this;
    }

    /// <summary>
    /// For staging: lets mail reach only recipients matching <paramref name="patterns"/> (<c>*@company.test</c>,
    /// <c>ann@example.com</c>); others are redirected (see <see cref="RedirectAllMailTo"/>) or dropped, and a message left
    /// with nobody is not sent.
    /// </summary>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A pattern is not an address, a domain or a glob with <c>*</c>.</exception>
    public MailingBuilder AllowRecipients(params string[] patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var text in patterns)
        {
            Registry.Staging.Allowed.Add(RecipientPattern.TryParse(text, out var pattern, out var error) ? pattern! : throw new ArgumentException(error, nameof(patterns)));
        }

        EnsureStagingInterceptor();
        return this;
    }

    /// <summary>
    /// Signs mail sent over SMTP, into a pickup directory or into memory with DKIM, with keys read from
    /// <paramref name="dkimSection"/> (usually <c>Mailing:Dkim</c>, which <c>AddMailing</c> reads by itself).
    /// </summary>
    /// <param name="dkimSection">Keys: <c>Domain</c>, <c>Selector</c>, <c>PrivateKeyFile</c> or <c>PrivateKey</c>, and more keys under <c>Keys:0</c>, <c>Keys:1</c>, ...</param>
    /// <returns>This builder.</returns>
    /// <remarks>Keys are read and checked when the host starts; see <see cref="DkimOptions"/>.</remarks>
    public MailingBuilder UseDkim(Microsoft.Extensions.Configuration.IConfiguration dkimSection)
    {
        ArgumentNullException.ThrowIfNull(dkimSection);
        return AddDkim(options => DkimOptionsBinder.Bind(dkimSection, options));
    }

    /// <summary>Signs mail sent over SMTP, into a pickup directory or into memory with DKIM, with keys given in code.</summary>
    /// <param name="configure">Adds keys, e.g. <c>o =&gt; o.Keys.Add(new DkimKeyOptions { Domain = "shop.example", Selector = "mail2025", PrivateKeyFile = "/run/secrets/dkim.pem" })</c>.</param>
    /// <returns>This builder.</returns>
    public MailingBuilder UseDkim(Action<DkimOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddDkim(configure);
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

    private MailingBuilder AddDkim(Action<DkimOptions> configure)
    {
        Services.AddOptions<DkimOptions>().Configure(configure).ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DkimOptions>, DkimOptionsValidator>());
        Services.TryAddSingleton(static sp => new DkimMessageSigner(
            sp.GetRequiredService<IOptions<DkimOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<DkimMessageSigner>>()));
        return this;
    }

    internal void EnsureStagingInterceptor()
    {
        if (Registry.Staging.IsRegistered)
        {
            return;
        }

        Registry.Staging.IsRegistered = true;
        var staging = Registry.Staging;
        var section = Registry.SectionPath;

        // First, so every later interceptor and every transport sees the staging recipients.
        Services.Insert(0, ServiceDescriptor.Singleton<IMailInterceptor>(_ => new StagingRecipientInterceptor(staging.RedirectTo, staging.Allowed, section)));
    }
}
