using Mailing.Transports;

namespace Mailing.Dispatch;

/// <summary>
/// Picks the transport for each message: the one it names (<see cref="EmailMessage.TransportName"/>), else the first
/// routing rule that matches, else the default.
/// </summary>
internal sealed class RoutingTransport : IEmailTransport
{
    private readonly IEmailTransport _default;
    private readonly IReadOnlyDictionary<string, IEmailTransport> _named;
    private readonly IReadOnlyList<(MailRoute Route, IEmailTransport Transport)> _routes;

    public RoutingTransport(IEmailTransport defaultTransport, IReadOnlyDictionary<string, IEmailTransport> named, IReadOnlyList<MailRoute> routes)
    {
        _default = defaultTransport;
        _named = named;
        _routes = routes.Select(r => (r, named[r.TransportName])).ToArray();
    }

    public string Name => _default.Name;

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Select(message).SendAsync(message, cancellationToken);
    }

    /// <summary>The transport <paramref name="message"/> goes through.</summary>
    /// <exception cref="MailDeliveryException">The message names a transport that is not configured.</exception>
    public IEmailTransport Select(EmailMessage message)
    {
        if (message.TransportName is { } name)
        {
            return _named.TryGetValue(name, out var chosen)
                ? chosen
                : throw new MailDeliveryException(
                    MailFailureKind.Configuration,
                    $"Message {message.MessageId} asks for the transport \"{name}\", which is not configured; nothing was sent.",
                    _named.Count == 0
                        ? "Add it under Mailing:Transports, or stop calling WithTransport."
                        : $"Configured transports: {string.Join(", ", _named.Keys.Order(StringComparer.Ordinal))}. Add \"{name}\" under Mailing:Transports or fix the name.")
                {
                    TransportName = name,
                };
        }

        foreach (var (route, transport) in _routes)
        {
            if (route.Matches(message))
            {
                return transport;
            }
        }

        return _default;
    }
}
