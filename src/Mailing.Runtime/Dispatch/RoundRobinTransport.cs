using Mailing.Transports;
using Microsoft.Extensions.Logging;

namespace Mailing.Dispatch;

/// <summary>
/// Spreads messages across transports in turn, each message starting one transport further; a message whose
/// transport fails goes on to the next, with the same rules as <see cref="FailoverTransport"/>. Configured as
/// <c>roundrobin(a b)</c>.
/// </summary>
/// <remarks>A transport that keeps failing is skipped until it has recovered, so the healthy ones carry the load.</remarks>
public sealed class RoundRobinTransport : IEmailTransport
{
    private readonly TransportDispatcher _dispatcher;

    /// <summary>Creates a round robin over <paramref name="transports"/>.</summary>
    /// <param name="transports">At least one transport.</param>
    /// <param name="policy">Retries and circuit breaking; the defaults of <see cref="DispatchPolicy"/> when <see langword="null"/>.</param>
    /// <param name="name">The name logs and failures report for the dispatcher itself.</param>
    /// <param name="timeProvider">The clock for backoff and circuit breaking; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Failover, retry and circuit logs; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">No transports, or the policy is invalid (the message lists why).</exception>
    public RoundRobinTransport(IEnumerable<IEmailTransport> transports, DispatchPolicy? policy = null, string name = "roundrobin", TimeProvider? timeProvider = null, ILogger<RoundRobinTransport>? logger = null)
        : this(transports, [], policy, name, timeProvider, logger)
    {
    }

    internal RoundRobinTransport(IEnumerable<IEmailTransport> transports, IEnumerable<IEmailTransport> fallbacks, DispatchPolicy? policy, string name, TimeProvider? timeProvider, ILogger? logger)
    {
        _dispatcher = TransportDispatcher.Create(name, transports, fallbacks, rotate: true, policy, timeProvider, logger);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The transports in rotation (and, on serverless hosts, the SMTP ones kept as a last resort after them).</summary>
    public IReadOnlyList<IEmailTransport> Transports => _dispatcher.Transports;

    /// <inheritdoc />
    /// <exception cref="MailDeliveryException">No transport accepted the message; see <see cref="FailoverTransport.SendAsync"/>.</exception>
    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        _dispatcher.SendAsync(message, cancellationToken);
}
