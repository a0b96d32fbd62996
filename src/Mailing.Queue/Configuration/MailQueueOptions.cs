namespace Mailing.Queue;

/// <summary>
/// How the mail queue stores messages, how many sends a worker runs at once, how failures are retried and how fast
/// each transport may be used. Configuration keys live under <c>Mailing:Queue</c> and have the property names.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Storage"/> is the one required setting: <c>sqlite://mail-queue.db</c> for one machine (the default
/// choice: nothing to install), or a PostgreSQL connection string (<c>Host=db;Database=shop;Username=...</c>) when
/// workers run on several machines. Every process that enqueues or works must name the same storage.
/// </para>
/// <para>
/// Problems are reported when the host starts, each naming its key, e.g. <c>Mailing:Queue:RateLimits:postmark</c>.
/// </para>
/// </remarks>
public sealed class MailQueueOptions
{
    /// <summary>The configuration path keys are reported under; <c>Mailing:Queue</c> unless bound from elsewhere.</summary>
    public string SectionPath { get; set; } = "Mailing:Queue";

    /// <summary>
    /// Where the queue lives: <c>sqlite://PATH</c> (a file, relative to the working directory, or
    /// <c>sqlite:///var/lib/app/mail.db</c>) or a PostgreSQL connection string (<c>Host=...;Database=...</c>).
    /// </summary>
    public string? Storage { get; set; }

    /// <summary>
    /// The PostgreSQL schema the queue's tables (Wolverine's and Mailing's) are created in. <c>mailing</c> by default;
    /// ignored for SQLite, which has no schemas.
    /// </summary>
    public string Schema { get; set; } = "mailing";

    /// <summary>The name of the queue in the storage. <c>mailing</c> by default; every process must use the same.</summary>
    public string QueueName { get; set; } = "mailing";

    /// <summary>How many messages one worker process sends at the same time. 4 by default (1 to 256).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often an idle worker looks for new messages. 1 second by default (at least 50 ms).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many times a message is tried before it goes to the dead letters, counting the first. 8 by default.
    /// Only transient failures are retried; a permanent rejection goes to the dead letters at once.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; each later one doubles it, with jitter. 5 seconds by default.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts (a longer <c>Retry-After</c> from the provider still wins). 15 minutes by default.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Per-transport send rates that hold across every worker together, keyed by transport name (<c>postmark</c>,
    /// <c>smtp</c>, a name under <c>Mailing:Transports</c>): <c>"50/s"</c>, <c>"600/min"</c>, <c>"10000/h"</c>, or a bare number
    /// per second.
    /// </summary>
    /// <remarks>
    /// A message counts against the transport it names (<see cref="EmailMessage.TransportName"/>), or against the
    /// default transport's name when it names none. Providers limit accounts, not processes, so the limit is kept in
    /// the queue's storage and shared by all workers.
    /// </remarks>
    public IDictionary<string, string> RateLimits { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How old the oldest waiting message may get before the health check reports the queue unhealthy. 15 minutes by default.
    /// </summary>
    public TimeSpan HealthMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a worker may go without a heartbeat before the others take over the messages it held (a process that
    /// was killed or lost its network). 30 seconds by default (at least 1 second).
    /// </summary>
    public TimeSpan WorkerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the sent log remembers an idempotency key, so a late duplicate is still recognised. 30 days by default.</summary>
    public TimeSpan SentLogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often queue depth and age are measured for metrics. 5 seconds by default.</summary>
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(5);
}
