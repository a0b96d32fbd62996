using Mailing.Queue.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mailing.Queue.Observability;

/// <summary>
/// In a worker process: measures the queue every <see cref="MailQueueOptions.MetricsInterval"/> for the gauges, and
/// forgets sent-log rows older than <see cref="MailQueueOptions.SentLogRetention"/> once an hour.
/// </summary>
internal sealed class MailQueueMeasurer : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly QueueDatabase _database;
    private readonly MailQueueTelemetry _telemetry;
    private readonly MailQueueRegistration _registration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MailQueueMeasurer(QueueDatabase database, MailQueueTelemetry telemetry, MailQueueRegistration registration, TimeProvider time, ILogger<MailQueueMeasurer> logger)
    {
        _database = database;
        _telemetry = telemetry;
        _registration = registration;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = _registration.Options;
        var lastPrune = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.MetricsInterval, _time);
        do
        {
            try
            {
                _telemetry.Update(await _database.SnapshotAsync(stoppingToken).ConfigureAwait(false));
                if (_time.GetUtcNow() - lastPrune > PruneInterval)
                {
                    await _database.PruneSentLogAsync(_time.GetUtcNow() - options.SentLogRetention, stoppingToken).ConfigureAwait(false);
                    lastPrune = _time.GetUtcNow();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                MailQueueLog.MeasureFailed(_logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
