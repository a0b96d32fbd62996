using System.Diagnostics;
using Mailing.Transports;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Mailing.Dispatch;

/// <summary>
/// The engine behind <see cref="FailoverTransport"/> and <see cref="RoundRobinTransport"/>: rounds over guarded
/// transports, a Polly retry between rounds, and the rules that decide what may be tried again.
/// </summary>
internal sealed class TransportDispatcher
{
    private static readonly ResiliencePropertyKey<DispatchAttempts> AttemptsKey = new("mailing.dispatch.attempts");

    private readonly string _name;
    private readonly GuardedTransport[] _rotation;
    private readonly GuardedTransport[] _fallbacks;
    private readonly bool _rotate;
    private readonly DispatchPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<SendResult> _rounds;
    private int _turn = -1;

    /// <param name="name">The dispatcher's name, for results and logs.</param>
    /// <param name="rotation">The transports tried first: in order for failover, starting one further each message for round robin.</param>
    /// <param name="fallbacks">Transports tried, in order, after every one in <paramref name="rotation"/> failed.</param>
    /// <param name="rotate">Whether the starting transport moves on with each message (round robin).</param>
    /// <param name="policy">Retries and circuit breaking, already validated.</param>
    /// <param name="time">The clock for backoff, budget and circuit breaking.</param>
    /// <param name="logger">Where failover, retry and circuit events are logged.</param>
    public TransportDispatcher(
        string name,
        IReadOnlyList<IEmailTransport> rotation,
        IReadOnlyList<IEmailTransport> fallbacks,
        bool rotate,
        DispatchPolicy policy,
        TimeProvider time,
        ILogger logger)
    {
        _name = name;
        _policy = policy;
        _time = time;
        _logger = logger;
        _rotate = rotate;
        _rotation = rotation.Select(t => new GuardedTransport(t, policy, time, logger)).ToArray();
        _fallbacks = fallbacks.Select(t => new GuardedTransport(t, policy, time, logger)).ToArray();
        _rounds = BuildRetry();
    }

    /// <summary>Checks the arguments a public dispatcher was given and creates its engine.</summary>
    /// <exception cref="ArgumentException">No name, no transports, a null transport, or an invalid policy.</exception>
    public static TransportDispatcher Create(
        string name, IEnumerable<IEmailTransport> transports, IEnumerable<IEmailTransport> fallbacks, bool rotate, DispatchPolicy? policy, TimeProvider? time, ILogger? logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var rotation = DispatcherArguments.Transports(transports, nameof(transports));
        var checkedPolicy = DispatcherArguments.Policy(policy);
        return new TransportDispatcher(name, rotation, [.. fallbacks], rotate, checkedPolicy, time ?? TimeProvider.System, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    public IReadOnlyList<IEmailTransport> Transports => _rotation.Concat(_fallbacks).Select(g => g.Transport).ToArray();

    /// <summary>The transport the next message would try first, skipping none: batch senders hand their batch to it.</summary>
    public IEmailTransport First => _rotate ? _rotation[(int)((uint)(Volatile.Read(ref _turn) + 1) % (uint)_rotation.Length)].Transport : _rotation[0].Transport;

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message = WithStableIdentity(message);
        var attempts = new DispatchAttempts(_name, message.MessageId!, _time.GetTimestamp());
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AttemptsKey, attempts);
        try
        {
            return await _rounds.ExecuteAsync(
                static (ctx, state) => new ValueTask<SendResult>(state.Self.SendRoundAsync(state.Message, state.Attempts, ctx.CancellationToken)),
                context,
                (Self: this, Message: message, Attempts: attempts)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Every attempt must carry the same Message-Id and idempotency key, so a provider that deduplicates (Resend) and
    // a receiver that compares ids both see one message, whichever transport ends up delivering it.
    private static EmailMessage WithStableIdentity(EmailMessage message)
    {
        if (message.MessageId is null)
        {
            message = message with { MessageId = MimeMessageFactory.CreateMessageId(message) };
        }

        return message.IdempotencyKey is null ? message with { IdempotencyKey = message.MessageId } : message;
    }

    private async Task<SendResult> SendRoundAsync(EmailMessage message, DispatchAttempts attempts, CancellationToken cancellationToken)
    {
        var start = _rotate ? (int)((uint)Interlocked.Increment(ref _turn) % (uint)_rotation.Length) : 0;
        var count = _rotation.Length + _fallbacks.Length;
        for (var i = 0; i < count; i++)
        {
            var candidate = i < _rotation.Length ? _rotation[(start + i) % _rotation.Length] : _fallbacks[i - _rotation.Length];
            try
            {
                var result = await candidate.SendAsync(message, cancellationToken).ConfigureAwait(false);
                return attempts.Succeeded(result);
            }
            catch (BrokenCircuitException paused)
            {
                attempts.Paused(paused.RetryAfter);
            }
            catch (MailDeliveryException failure)
            {
                attempts.Failed(failure);
                RecordOnTrace(failure, candidate.Transport.Name);
                if (failure.MayHaveBeenDelivered && !_policy.ResendOnUnknownOutcome)
                {
                    DispatchLog.NotResent(_logger, attempts.MessageId, failure.TransportName ?? candidate.Transport.Name);
                    throw attempts.Final(failure);
                }

                if (failure.Kind == MailFailureKind.Rejected)
                {
                    throw attempts.Final(failure);
                }

                if (i + 1 < count)
                {
                    DispatchLog.FailingOver(_logger, attempts.MessageId, failure.TransportName ?? candidate.Transport.Name, failure.Kind);
                }
            }
        }

        throw attempts.RoundFailed();
    }

    private static void RecordOnTrace(MailDeliveryException failure, string transport)
    {
        if (Activity.Current is { } activity)
        {
            activity.AddEvent(new ActivityEvent("mailing.attempt_failed", tags: new ActivityTagsCollection
            {
                ["mailing.transport"] = failure.TransportName ?? transport,
                ["mailing.failure_kind"] = failure.Kind.ToString(),
                ["mailing.may_have_been_delivered"] = failure.MayHaveBeenDelivered,
            }));
        }
    }

    private ResiliencePipeline<SendResult> BuildRetry()
    {
        if (_policy.MaxRetries == 0)
        {
            return ResiliencePipeline<SendResult>.Empty;
        }

        return new ResiliencePipelineBuilder<SendResult> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<SendResult>
            {
                MaxRetryAttempts = _policy.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(DelayBefore(args.AttemptNumber, (MailDeliveryException)args.Outcome.Exception!, args.Context)),
                OnRetry = args =>
                {
                    var attempts = args.Context.Properties.GetValue(AttemptsKey, null!);
                    attempts.Round++;
                    DispatchLog.Retrying(_logger, attempts.MessageId, args.AttemptNumber + 1, ((MailDeliveryException)args.Outcome.Exception!).Kind, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .Build();
    }

    private bool ShouldRetry(Exception? exception, ResilienceContext context)
    {
        if (exception is not MailDeliveryException failure || !IsWorthAnotherRound(failure))
        {
            return false;
        }

        var remaining = Remaining(context);
        return remaining > TimeSpan.Zero && (failure.RetryAfter is not { } wait || wait <= remaining);
    }

    private bool IsWorthAnotherRound(MailDeliveryException failure) =>
        failure.Kind is MailFailureKind.Connection or MailFailureKind.RateLimited or MailFailureKind.Timeout or MailFailureKind.Transient
        && (!failure.MayHaveBeenDelivered || _policy.ResendOnUnknownOutcome);

    private TimeSpan DelayBefore(int retry, MailDeliveryException failure, ResilienceContext context)
    {
        // Exponential backoff with "equal jitter": half the step fixed, half random, so senders that failed together
        // do not come back together.
        var step = Math.Min(_policy.MaxDelay.TotalMilliseconds, _policy.BaseDelay.TotalMilliseconds * Math.Pow(2, retry));
        var delay = TimeSpan.FromMilliseconds((step / 2) + (Random.Shared.NextDouble() * step / 2));
        if (failure.RetryAfter is { } wait && wait > delay)
        {
            delay = wait;
        }

        var remaining = Remaining(context);
        return delay < remaining ? delay : remaining;
    }

    private TimeSpan Remaining(ResilienceContext context) =>
        _policy.Budget - _time.GetElapsedTime(context.Properties.GetValue(AttemptsKey, null!).StartedTimestamp);
}
