using Mailing.Queue.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mailing.Queue.Observability;

/// <summary>
/// Unhealthy when the oldest message waiting for a worker has waited longer than <see cref="MailQueueOptions.HealthMaxAge"/>
/// (no worker runs, or workers cannot keep up), or when the queue's storage cannot be read.
/// </summary>
internal sealed class MailQueueHealthCheck : IHealthCheck
{
    private readonly QueueDatabase _database;
    private readonly MailQueueRegistration _registration;

    public MailQueueHealthCheck(QueueDatabase database, MailQueueRegistration registration)
    {
        _database = database;
        _registration = registration;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        QueueSnapshot snapshot;
        try
        {
            snapshot = await _database.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The mail queue's storage cannot be read.", exception);
        }

        var data = new Dictionary<string, object>
        {
            ["depth"] = snapshot.Depth,
            ["ready"] = snapshot.Ready,
            ["scheduled"] = snapshot.Scheduled,
            ["in_progress"] = snapshot.InProgress,
            ["retrying"] = snapshot.Retrying,
            ["dead_letters"] = snapshot.DeadLetters,
            ["oldest_age_seconds"] = Math.Round(snapshot.OldestReadyAge.TotalSeconds, 1),
        };
        var limit = _registration.Options.HealthMaxAge;
        return snapshot.OldestReadyAge > limit
            ? new HealthCheckResult(context.Registration.FailureStatus, $"The oldest queued message has waited {snapshot.OldestReadyAge:g}, longer than {_registration.Options.SectionPath}:HealthMaxAge ({limit:g}): check that workers run and keep up.", data: data)
            : HealthCheckResult.Healthy($"{snapshot.Depth} message(s) to send, the oldest ready one waiting {snapshot.OldestReadyAge:g}.", data);
    }
}
