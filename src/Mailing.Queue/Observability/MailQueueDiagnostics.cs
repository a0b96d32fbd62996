namespace Mailing.Queue;

/// <summary>
/// The names of the queue's metrics. They are published on the same meter as the mailer's
/// (<see cref="MailingDiagnostics.MeterName"/>, <c>Mailing</c>), so one <c>AddMeter("Mailing")</c> collects both.
/// </summary>
/// <remarks>
/// The gauges are measured by each process that runs a worker, every <see cref="MailQueueOptions.MetricsInterval"/>,
/// from the queue's storage: every worker reports the same shared numbers, so aggregate them with max, not sum.
/// </remarks>
public static class MailQueueDiagnostics
{
    /// <summary>
    /// Gauge of messages still to be sent; tag <c>mailing.queue.state</c>: <c>ready</c> (due, waiting for a worker),
    /// <c>scheduled</c> (<c>notBefore</c> ahead), <c>in_progress</c> (taken by a worker), <c>retrying</c> (waiting for the
    /// next attempt).
    /// </summary>
    public const string DepthGaugeName = "mailing.queue.depth";

    /// <summary>Gauge of how long, in seconds, the oldest ready message has waited for a worker; 0 when none waits.</summary>
    public const string OldestAgeGaugeName = "mailing.queue.oldest_age";

    /// <summary>Gauge of messages in the dead letters.</summary>
    public const string DeadLetterGaugeName = "mailing.queue.dead_letters";

    /// <summary>Counter of queued messages a transport accepted; tag <c>mailing.transport</c>.</summary>
    public const string SentCounterName = "mailing.queue.sent";

    /// <summary>
    /// Counter of failed attempts; tags <c>mailing.transport</c>, <c>mailing.failure_kind</c> and <c>mailing.queue.outcome</c>
    /// (<c>retry</c> or <c>dead_letter</c>).
    /// </summary>
    public const string FailedCounterName = "mailing.queue.failed";

    /// <summary>Counter of messages moved to the dead letters; tag <c>mailing.failure_kind</c>.</summary>
    public const string DeadLetteredCounterName = "mailing.queue.dead_lettered";

    /// <summary>Counter of deliveries skipped because the sent log already held their idempotency key.</summary>
    public const string DuplicateCounterName = "mailing.queue.duplicates_skipped";

    internal const string StateTag = "mailing.queue.state";
    internal const string OutcomeTag = "mailing.queue.outcome";
    internal const string TransportTag = "mailing.transport";
    internal const string FailureKindTag = "mailing.failure_kind";
}
