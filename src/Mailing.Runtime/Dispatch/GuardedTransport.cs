using Mailing.Transports;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace Mailing.Dispatch;

/// <summary>
/// A transport behind its own circuit breaker: after enough failures of the transport itself (not refusals of a
/// message) it is skipped for <see cref="DispatchPolicy.BreakDuration"/>, then one message probes it.
/// </summary>
internal sealed class GuardedTransport
{
    private readonly ResiliencePipeline<SendResult> _breaker;

    public GuardedTransport(IEmailTransport transport, DispatchPolicy policy, TimeProvider time, ILogger logger)
    {
        Transport = transport;
        var name = transport.Name;
        _breaker = new ResiliencePipelineBuilder<SendResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<SendResult>
            {
                FailureRatio = policy.FailureRatio,
                MinimumThroughput = policy.MinimumThroughput,
                SamplingDuration = policy.SamplingDuration,
                BreakDuration = policy.BreakDuration,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is MailDeliveryException failure && IsFaultOfTheTransport(failure)),
                OnOpened = args =>
                {
                    DispatchLog.TransportPaused(logger, name, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    DispatchLog.TransportResumed(logger, name);
                    return default;
                },
            })
            .Build();
    }

    public IEmailTransport Transport { get; }

    /// <summary>Whether the transport speaks a provider's HTTP API (preferred on serverless hosts).</summary>
    public bool IsHttpApi => Transport is Transports.Http.HttpApiTransport;

    /// <summary>Sends through the transport unless its circuit is open.</summary>
    /// <exception cref="BrokenCircuitException">The transport is paused; nothing was sent.</exception>
    /// <exception cref="MailDeliveryException">The transport failed.</exception>
    public ValueTask<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        _breaker.ExecuteAsync(
            static (state, token) => new ValueTask<SendResult>(state.Transport.SendAsync(state.Message, token)),
            (Transport, Message: message),
            cancellationToken);

    // A refused message says nothing about the transport's health; everything else does.
    private static bool IsFaultOfTheTransport(MailDeliveryException failure) => failure.Kind != MailFailureKind.Rejected;
}
