using Mailing.Dispatch;
using Mailing.Transports;
using Microsoft.Extensions.Configuration;

namespace Mailing;

/// <summary>
/// What <c>AddMailing</c> and the builder were told about transports: the default (a factory or an expression),
/// named transports, routes and the dispatch policy. Start-up validation reads its problems; the service provider
/// builds <see cref="ConfiguredTransports"/> from it.
/// </summary>
internal sealed class MailingTransportRegistry
{
    private TransportPlan? _plan;

    public bool HasTransport { get; set; }

    /// <summary>Problems found while registering (e.g. a DSN option the transport rejects), reported at start-up with the rest.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The configuration section Mailing was read from, for naming keys (<c>Mailing</c> by default).</summary>
    public string SectionPath { get; set; } = "Mailing";

    /// <summary>The default transport created in code or by a single legacy DSN (<c>UseSmtp</c>, <c>UseInMemoryTransport</c>, ...).</summary>
    public Func<IServiceProvider, IEmailTransport>? DefaultFactory { get; private set; }

    /// <summary>The default as a DSN, a name, or a transport list.</summary>
    public string? DefaultExpression { get; private set; }

    public Dictionary<string, TransportDefinition> Named { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<MailRoute> Routes { get; } = [];

    /// <summary>DSN schemes added by other packages (<c>AddMailingTransportScheme</c>), e.g. the dev inbox's <c>inbox</c>.</summary>
    public Dictionary<string, TransportSchemeFactory> Schemes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Staging redirects and allowed recipients.</summary>
    public StagingSettings Staging { get; } = new();

    /// <summary><c>Mailing:Smtp</c>: the settings every SMTP transport named by a DSN starts from.</summary>
    public IConfigurationSection? SmtpDefaults { get; set; }

    /// <summary>How dispatchers retry and fail over; <see langword="null"/> until configured (then every list uses the defaults).</summary>
    public DispatchPolicy? Policy { get; set; }

    /// <summary>Reads the process environment (serverless detection); tests replace it.</summary>
    public Func<string, string?> EnvironmentVariables { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Whether anything beyond one plain transport is configured, so the plan builds the transports.</summary>
    public bool UsesPlan => DefaultExpression is not null || Named.Count > 0 || Routes.Count > 0 || Policy is not null;

    /// <summary>The resolved configuration; made once, when first needed (by validation or by the service provider).</summary>
    public TransportPlan Plan => _plan ??= TransportPlan.Create(this);

    public void SetDefault(Func<IServiceProvider, IEmailTransport> factory)
    {
        DefaultFactory = factory;
        DefaultExpression = null;
        HasTransport = true;
        _plan = null;
    }

    public void SetDefault(string expression)
    {
        DefaultExpression = expression;
        DefaultFactory = null;
        HasTransport = true;
        _plan = null;
    }

    public void Add(TransportDefinition definition)
    {
        Named[definition.Name] = definition;
        HasTransport = true;
        _plan = null;
    }

    public void AddScheme(string scheme, TransportSchemeFactory factory)
    {
        Schemes[scheme] = factory;
        _plan = null;
    }

    public void AddRoute(MailRoute route)
    {
        Routes.Add(route);
        _plan = null;
    }

    public DispatchPolicy EnsurePolicy()
    {
        _plan = null;
        return Policy ??= new DispatchPolicy();
    }

    /// <summary>Creates the transports for the service provider.</summary>
    public ConfiguredTransports Build(IServiceProvider services)
    {
        if (UsesPlan)
        {
            return Plan.Build(services);
        }

        var transport = DefaultFactory?.Invoke(services)
            ?? throw new InvalidOperationException($"No mail transport is configured: set {SectionPath}:Transport, or call UseSmtp/UseInMemoryTransport/UseTransport on the builder returned by AddMailing.");
        return new ConfiguredTransports(transport, new Dictionary<string, IEmailTransport>(), []);
    }
}
