using Mailing.Dispatch;
using Mailing.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailing;

/// <summary>
/// Everything configured about transports, resolved and checked before anything is created: names to nodes, lists
/// to their members, routes to their targets. Problems (unknown names, cycles, bad DSNs, invalid settings) are
/// collected with their keys for start-up validation; <see cref="Build"/> then wires the transports.
/// </summary>
internal sealed class TransportPlan
{
    private readonly MailingTransportRegistry _registry;
    private readonly Dictionary<string, PlanNode?> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _resolving = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _usedNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly PlanNode? _default;

    private TransportPlan(MailingTransportRegistry registry)
    {
        _registry = registry;
        foreach (var name in registry.Named.Keys)
        {
            _usedNames.Add(name);
        }

        foreach (var definition in registry.Named.Values)
        {
            Resolve(definition.Name, definition.Key);
        }

        _default = ResolveDefault();
        foreach (var (route, index) in registry.Routes.Select((r, i) => (r, i)))
        {
            if (!registry.Named.ContainsKey(route.TransportName))
            {
                Problems.Add($"{registry.SectionPath}:Routes:{index} ({route.Description}) sends to \"{route.TransportName}\", which is not configured. Add it under {registry.SectionPath}:Transports, or fix the name{NamesThereAre()}.");
            }
        }

        if (registry.Policy is { } policy)
        {
            Problems.AddRange(policy.Validate($"{registry.SectionPath}:Dispatch"));
        }
    }

    public List<string> Problems { get; } = [];

    public static TransportPlan Create(MailingTransportRegistry registry) => new(registry);

    /// <summary>Creates the transports: the default (behind routing when there are names or routes) and every named one.</summary>
    /// <exception cref="InvalidOperationException">The plan has problems (start-up validation reports them first when the host validates on start).</exception>
    public ConfiguredTransports Build(IServiceProvider services)
    {
        if (Problems.Count > 0 || _default is null)
        {
            throw new InvalidOperationException($"Mailing's transports are not configured correctly: {string.Join(" ", Problems)}");
        }

        var wiring = new Wiring(services, _registry.Policy ?? new DispatchPolicy(), ServerlessEnvironment.Detect(_registry.EnvironmentVariables));
        var named = _registry.Named.Keys.ToDictionary(name => name, name => wiring.Create(_resolved[name]!), StringComparer.OrdinalIgnoreCase);
        var defaultTransport = wiring.Create(_default);
        if (_registry.Policy is not null && _default.ListKind is null)
        {
            // Retries configured for a single transport: a failover of one retries it.
            defaultTransport = new FailoverTransport([defaultTransport], [], wiring.Policy, defaultTransport.Name, wiring.Time, wiring.Logger);
        }

        var root = named.Count > 0 || _registry.Routes.Count > 0
            ? new RoutingTransport(defaultTransport, named, _registry.Routes)
            : defaultTransport;
        return new ConfiguredTransports(root, named, wiring.Owned);
    }

    private PlanNode? ResolveDefault()
    {
        var key = $"{_registry.SectionPath}:Transport";
        if (_registry.DefaultExpression is { } text)
        {
            return ParseAndResolve(text, key, definitionName: null);
        }

        if (_registry.DefaultFactory is { } factory)
        {
            return PlanNode.Leaf(UniqueName("default"), factory, owned: false);
        }

        if (_registry.Named.Count == 1)
        {
            return _resolved[_registry.Named.Keys.Single()];
        }

        Problems.Add(_registry.Named.Count == 0
            ? $"{key} is missing: set it to a DSN such as \"smtp://user:password@smtp.example.com:587\" or \"postmark+api://TOKEN@default\"."
            : $"{key} is missing: name the transport messages go through by default ({string.Join(", ", _registry.Named.Keys)}), or a list such as failover({string.Join(' ', _registry.Named.Keys.Take(2))}).");
        return null;
    }

    private PlanNode? Resolve(string name, string key)
    {
        if (_resolved.TryGetValue(name, out var done))
        {
            return done;
        }

        if (!_registry.Named.TryGetValue(name, out var definition))
        {
            Problems.Add($"{key} names the transport \"{name}\", which is not configured{NamesThereAre()}. Add it under {_registry.SectionPath}:Transports:{name}, or write a DSN instead.");
            return null;
        }

        if (!_resolving.Add(name))
        {
            Problems.Add($"{definition.Key} refers back to itself through \"{name}\" ({string.Join(" → ", _resolving.Append(name))}): a transport list cannot contain itself.");
            return null;
        }

        PlanNode? node;
        if (definition.Factory is { } factory)
        {
            node = PlanNode.Leaf(name, factory, owned: false);
        }
        else if (definition.Section is { } section)
        {
            var create = TransportFactory.FromSection(name, section, _registry.SmtpDefaults, _registry.Schemes, Problems);
            node = create is null ? null : PlanNode.Leaf(name, create, owned: true);
        }
        else
        {
            node = ParseAndResolve(definition.Text!, definition.Key, name);
        }

        _resolving.Remove(name);
        _resolved[name] = node;
        return node;
    }

    private PlanNode? ParseAndResolve(string text, string key, string? definitionName)
    {
        if (!TransportExpressionParser.TryParse(text, out var expression, out var error))
        {
            Problems.Add($"{key} is not a valid DSN or transport list: {error}");
            return null;
        }

        return Resolve(expression, key, definitionName, nested: false);
    }

    private PlanNode? Resolve(TransportExpression expression, string key, string? definitionName, bool nested)
    {
        switch (expression)
        {
            case TransportReference reference:
                return Resolve(reference.Name, key);
            case DsnExpression { Dsn: var dsn }:
                var name = definitionName ?? UniqueName(TransportFactory.DefaultNameFor(dsn));
                var create = TransportFactory.FromDsn(name, dsn, own: null, _registry.SmtpDefaults, _registry.Schemes, key, Problems);
                return create is null ? null : PlanNode.Leaf(name, create, owned: true);
            case TransportList list:
                var children = list.Items.Select(item => Resolve(item, key, null, nested: true)).ToArray();
                if (children.Any(c => c is null))
                {
                    return null;
                }

                return PlanNode.List(definitionName ?? TransportExpressionParser.Redact(list.ToString()), list.Kind, children!, nested);
            default:
                throw new InvalidOperationException($"Unexpected expression {expression.GetType().Name}.");
        }
    }

    private string UniqueName(string wanted)
    {
        var name = wanted;
        for (var i = 2; !_usedNames.Add(name); i++)
        {
            name = $"{wanted}-{i}";
        }

        return name;
    }

    private string NamesThereAre() =>
        _registry.Named.Count == 0 ? " (none are)" : $" (configured: {string.Join(", ", _registry.Named.Keys)})";

    /// <summary>Creates each node once, so a transport named in several places is one transport with one pool.</summary>
    private sealed class Wiring(IServiceProvider services, DispatchPolicy policy, string? serverless)
    {
        private readonly Dictionary<PlanNode, IEmailTransport> _created = new(ReferenceEqualityComparer.Instance);
        private readonly string? _serverless = serverless;

        public DispatchPolicy Policy { get; } = policy;

        public TimeProvider Time { get; } = services.GetService<TimeProvider>() ?? TimeProvider.System;

        public ILogger Logger { get; } = services.GetService<ILoggerFactory>()?.CreateLogger("Mailing.Dispatch") ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public List<IEmailTransport> Owned { get; } = [];

        public IEmailTransport Create(PlanNode node)
        {
            if (_created.TryGetValue(node, out var existing))
            {
                return existing;
            }

            IEmailTransport transport;
            if (node.Create is { } create)
            {
                transport = create(services);
                if (node.IsOwned)
                {
                    Owned.Add(transport);
                }
            }
            else
            {
                transport = CreateList(node);
            }

            _created[node] = transport;
            return transport;
        }

        private IEmailTransport CreateList(PlanNode node)
        {
            var members = node.Children.Select(Create).ToArray();
            var policy = node.IsNested ? Policy.Clone(maxRetries: 0) : Policy;
            IEmailTransport[] rotation = members;
            IEmailTransport[] fallbacks = [];
            if (_serverless is not null && members.Any(IsHttpApi) && !members.All(IsHttpApi))
            {
                DispatchLog.PreferringHttpApis(Logger, _serverless, node.Name);
                if (node.ListKind == TransportListKind.Failover)
                {
                    rotation = [.. members.Where(IsHttpApi), .. members.Where(m => !IsHttpApi(m))];
                }
                else
                {
                    rotation = members.Where(IsHttpApi).ToArray();
                    fallbacks = members.Where(m => !IsHttpApi(m)).ToArray();
                }
            }

            return node.ListKind == TransportListKind.Failover
                ? new FailoverTransport(rotation, fallbacks, policy, node.Name, Time, Logger)
                : new RoundRobinTransport(rotation, fallbacks, policy, node.Name, Time, Logger);
        }

        private static bool IsHttpApi(IEmailTransport transport) => transport is Transports.Http.HttpApiTransport;
    }
}
