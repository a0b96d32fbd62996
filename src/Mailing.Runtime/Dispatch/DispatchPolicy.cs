namespace Mailing.Dispatch;

/// <summary>
/// How a dispatcher (<see cref="FailoverTransport"/>, <see cref="RoundRobinTransport"/>) retries, fails over and pauses
/// failing transports. Configuration keys live under <c>Mailing:Dispatch</c> and have the property names.
/// </summary>
/// <remarks>
/// <para>
/// One <em>round</em> tries each available transport once, in the dispatcher's order, until one accepts the message.
/// A transport failing with <see cref="MailFailureKind.Connection"/>, <see cref="MailFailureKind.Tls"/>,
/// <see cref="MailFailureKind.Timeout"/>, <see cref="MailFailureKind.RateLimited"/>, <see cref="MailFailureKind.Transient"/>,
/// <see cref="MailFailureKind.Authentication"/> or <see cref="MailFailureKind.Configuration"/> hands the message to the next;
/// a <see cref="MailFailureKind.Rejected"/> message stops at once (the next provider would refuse it too, or deliver
/// what should not go). When a round ends with a failure that a later attempt can overcome, the round is repeated after
/// an exponential, jittered delay (or the server's <c>Retry-After</c>, when longer), up to <see cref="MaxRetries"/> times
/// and within <see cref="Budget"/>.
/// </para>
/// <para>
/// A failure after the message may already have been accepted (<see cref="MailDeliveryException.MayHaveBeenDelivered"/>:
/// an SMTP connection lost after DATA, an HTTP timeout after the body was sent) ends the send, unless
/// <see cref="ResendOnUnknownOutcome"/> says a duplicate is better than a loss.
/// </para>
/// </remarks>
public sealed class DispatchPolicy
{
    /// <summary>How many times a failed round is repeated. 2 by default; 0 fails over but never waits and retries.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The delay before the first repeated round; each later one doubles it, with jitter. 1 second by default.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between rounds, whatever the backoff says (a longer <c>Retry-After</c> still wins). 30 seconds by default.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most time one message may spend in the dispatcher, waits included. No round starts after it, and a
    /// <c>Retry-After</c> that reaches past it ends the send with the rate-limit failure. 2 minutes by default.
    /// </summary>
    /// <remarks>It does not cut a send in progress short: each transport keeps its own timeouts.</remarks>
    public TimeSpan Budget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether a message whose outcome is unknown (it may have been delivered) is sent through the next transport
    /// anyway. Off by default: a duplicate is the worse surprise for receipts, password resets and payments.
    /// </summary>
    public bool ResendOnUnknownOutcome { get; set; }

    /// <summary>The share of failed sends within <see cref="SamplingDuration"/> that pauses a transport. 0.5 by default.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>How many sends a transport must have made within <see cref="SamplingDuration"/> before it can be paused. 4 by default (at least 2).</summary>
    public int MinimumThroughput { get; set; } = 4;

    /// <summary>The window failures are counted in. 30 seconds by default (at least 0.5 s).</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a paused transport is skipped before one message probes it again. 30 seconds by default (at least 0.5 s).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Problems found while reading configuration, reported by start-up validation.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>Returns every problem with the policy, each naming its key under <paramref name="section"/>; empty when usable.</summary>
    /// <param name="section">The configuration path keys are reported under, e.g. <c>Mailing:Dispatch</c>.</param>
    public IReadOnlyList<string> Validate(string section)
    {
        List<string> errors = [.. BindingErrors];
        if (MaxRetries is < 0 or > 100)
        {
            errors.Add($"{section}:MaxRetries is {MaxRetries}; use 0 (fail over only) to 100.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            errors.Add($"{section}:BaseDelay must be zero or more and {section}:MaxDelay at least BaseDelay (e.g. \"00:00:01\" and \"00:00:30\").");
        }

        if (Budget <= TimeSpan.Zero)
        {
            errors.Add($"{section}:Budget must be positive, e.g. \"00:02:00\".");
        }

        if (FailureRatio is <= 0 or > 1)
        {
            errors.Add($"{section}:FailureRatio is {FailureRatio}; use a share above 0 and up to 1, e.g. 0.5.");
        }

        if (MinimumThroughput < 2)
        {
            errors.Add($"{section}:MinimumThroughput is {MinimumThroughput}; use 2 or more.");
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500) || BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{section}:SamplingDuration and {section}:BreakDuration must each be at least 0.5 seconds.");
        }

        return errors;
    }

    /// <summary>A copy with the same settings, so one dispatcher's policy cannot change under another.</summary>
    internal DispatchPolicy Clone(int? maxRetries = null) => new()
    {
        MaxRetries = maxRetries ?? MaxRetries,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        Budget = Budget,
        ResendOnUnknownOutcome = ResendOnUnknownOutcome,
        FailureRatio = FailureRatio,
        MinimumThroughput = MinimumThroughput,
        SamplingDuration = SamplingDuration,
        BreakDuration = BreakDuration,
    };
}
