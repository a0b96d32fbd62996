using Mailing.Transports;
using Microsoft.Extensions.Logging;

namespace Mailing.Dispatch;

/// <summary>
/// Sends through the first transport that accepts the message, in the order given: the primary, then the backups.
/// Configured as <c>failover(postmark backup)</c>.
/// </summary>
/// <remarks>
/// <para>
/// A transport that fails for reasons of its own (unreachable, timed out, rate limited, temporarily failing, refusing
/// its credentials) hands the message to the next; a message the transport refuses for good is not tried elsewhere,
/// and neither is one that may already have been delivered (see <see cref="DispatchPolicy.ResendOnUnknownOutcome"/>).
/// A transport that keeps failing is skipped for a while and then probed. When every transport failed transiently,
/// the round is repeated after a backoff; see <see cref="DispatchPolicy"/>.
/// </para>
/// <para><see cref="SendResult.TransportName"/> names the transport that delivered; <see cref="SendResult.Attempts"/> says after how many tries.</para>
/// </remarks>
public sealed class FailoverTransport : IEmailTransport
{
    private readonly TransportDispatcher _dispatcher;

    /// <summary>Creates a failover over <paramref name="transports"/>, tried in that order.</summary>
    /// <param name="transports">At least one transport; the first is the primary.</param>
    /// <param name="policy">Retries and circuit breaking; the defaults of <see cref="DispatchPolicy"/> when <see langword="null"/>.</param>
    /// <param name="name">The name logs and failures report for the dispatcher itself.</param>
    /// <param name="timeProvider">The clock for backoff and circuit breaking; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Failover, retry and circuit logs; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">No transports, or the policy is invalid (the message lists why).</exception>
    public FailoverTransport(IEnumerable<IEmailTransport> transports, DispatchPolicy? policy = null, string name = "failover", TimeProvider? timeProvider = null, ILogger<FailoverTransport>? logger = null)
        : this(transports, [], policy, name, timeProvider, logger)
    {
    }

    internal FailoverTransport(IEnumerable<IEmailTransport> transports, IEnumerable<IEmailTransport> fallbacks, DispatchPolicy? policy, string name, TimeProvider? timeProvider, ILogger? logger)
    {
        _dispatcher = TransportDispatcher.Create(name, transports, fallbacks, rotate: false, policy, timeProvider, logger);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The transports, in the order they are tried.</summary>
    public IReadOnlyList<IEmailTransport> Transports => _dispatcher.Transports;

    /// <summary>The transport a message is tried on first (batch senders hand whole batches to it).</summary>
    internal IEmailTransport First => _dispatcher.First;

    /// <inheritdoc />
    /// <exception cref="MailDeliveryException">
    /// No transport accepted the message: the last failure, with <see cref="MailDeliveryException.Attempts"/> and every
    /// earlier one in <see cref="MailDeliveryException.AttemptFailures"/>.
    /// </exception>
    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        _dispatcher.SendAsync(message, cancellationToken);
}
