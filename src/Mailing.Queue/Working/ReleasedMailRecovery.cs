using Mailing.Queue.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;
using Wolverine.Transports;

namespace Mailing.Queue.Working;

/// <summary>
/// In a worker process: takes back, into this worker, the queued messages that a dead worker had taken and that were
/// released when it was declared dead (Wolverine's inbox rows at the queue's address with no owner).
/// </summary>
/// <remarks>
/// <para>
/// Wolverine recovers released inbox rows in its durability agent, which its leader places on one node of the cluster,
/// and that node can only hand rows to a listener it runs itself. Every process that enqueues is a node too, so the
/// agent often lands on a web front-end that has no queue listener: it logs that the rows cannot be recovered, and
/// they stay in the inbox for good. (Seen in the three-worker kill test: the test's enqueue-only host was the leader
/// and held the agent; the killed worker's messages were released and never sent.)
/// </para>
/// <para>
/// So each worker sweeps for released rows itself, with Wolverine's own <see cref="ListenerInboxRecovery"/>, every third
/// of <see cref="MailQueueOptions.WorkerTimeout"/>. Claiming a row is one atomic update that only succeeds while the row
/// has no owner, so workers (and the durability agent, where it can recover) never take the same row twice.
/// </para>
/// </remarks>
internal sealed class ReleasedMailRecovery : BackgroundService
{
    private readonly IWolverineRuntime _runtime;
    private readonly MailQueueRegistration _registration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ReleasedMailRecovery(IWolverineRuntime runtime, MailQueueRegistration registration, TimeProvider time, ILogger<ReleasedMailRecovery> logger)
    {
        _runtime = runtime;
        _registration = registration;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_registration.Options.WorkerTimeout / 3, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // Null until Wolverine has started its listeners; the sweep also waits while the listener is paused.
            if (_runtime.Endpoints.FindListeningAgent(MailQueueWolverineSetup.ListenerName) is not { Status: ListeningStatus.Accepting } listener)
            {
                continue;
            }

            try
            {
                var recovered = await new ListenerInboxRecovery(_runtime, listener, _logger).RecoverAsync(stoppingToken).ConfigureAwait(false);
                if (recovered > 0)
                {
                    MailQueueLog.ReleasedRecovered(_logger, recovered);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                MailQueueLog.RecoveryFailed(_logger, exception);
            }
        }
    }
}
