using System.Globalization;
using Mailing.TestServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mailing.Queue.Tests.Fixtures;

/// <summary>
/// Worker processes send queued messages to a loopback SMTP sink and one is killed with SIGKILL a quarter of the way
/// through, at a moment when no message is between the sink's acceptance and its sent-log commit; then every message
/// must arrive exactly once, counted by Message-Id.
/// </summary>
/// <remarks>
/// The messages are enqueued by an enqueue-only application before the workers start, so the kill really comes a
/// quarter of the way through and that application is Wolverine's first node (its leader). The sink then holds its
/// reply to the end of every message's data until every send of every worker waits for it: a worker's sends run one
/// after the other per parallel slot, so no message of any worker is between acceptance and commit when the kill
/// comes. The killed worker's held sends were never accepted (its sockets close, the sink answers nobody).
/// </remarks>
internal static class WorkerKillScenario
{
    private const int Workers = 4;

    /// <param name="storage">The queue's storage.</param>
    /// <param name="messages">How many messages to enqueue.</param>
    /// <param name="processes">How many worker processes run from the start.</param>
    /// <param name="limit">How long the messages may take to arrive before the run gives up.</param>
    /// <param name="restartKilled">Start a new worker process once the killed one is gone, as a service manager restarts a crashed one.</param>
    /// <returns>What arrived, and the enqueue-only application, still running, for checks of its own.</returns>
    /// <exception cref="InvalidOperationException">A wait timed out; the message holds the queue's state and each worker's last log lines.</exception>
    public static async Task<WorkerKillOutcome> RunAsync(string storage, int messages, int processes, TimeSpan limit, bool restartKilled = false)
    {
        await using var sink = InstantSmtpSink.Start(recordMessages: true);
        var settings = QueueHost.Settings(storage, QueueHost.SmtpTransport(sink.Port));
        settings["Mailing:Queue:Workers"] = Workers.ToString(CultureInfo.InvariantCulture);
        settings["Logging:LogLevel:Wolverine"] = "Information";
        settings["Logging:LogLevel:Mailing.Queue"] = "Information";
        var app = await QueueHost.StartAsync(settings, worker: false);
        var queue = app.Services.GetRequiredService<IMailQueue>();
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ids.Add((await queue.EnqueueAsync(SqliteQueueTests.Message(i))).MessageId));

        var workers = (await Task.WhenAll(Enumerable.Range(0, processes).Select(_ => WorkerProcess.StartAsync(settings)))).ToList();
        try
        {
            await Eventually.WaitAsync(() => sink.MessagesAccepted >= messages / 4, "a quarter of the messages");
            sink.Hold();
            await Eventually.WaitAsync(() => sink.MessagesHeld >= processes * Workers, "every worker's sends to wait for their reply");
            var acceptedBeforeKill = sink.MessagesAccepted;
            workers[0].Kill();
            sink.Release();
            if (restartKilled)
            {
                workers.Add(await WorkerProcess.StartAsync(settings));
            }

            await Eventually.WaitAsync(() => sink.Arrivals.Select(a => a.MessageId).Distinct().Count() >= messages, "every message to arrive", limit);
            await Eventually.WaitAsync(async () => (await app.Services.GetRequiredService<Storage.QueueDatabase>().SnapshotAsync(CancellationToken.None)).Depth == 0, "the queue to drain");

            return new WorkerKillOutcome(app, [.. ids], [.. sink.Arrivals.Select(a => a.MessageId)], acceptedBeforeKill);
        }
        catch (TimeoutException exception)
        {
            // What the workers were doing is what explains a stall or a duplicate.
            var snapshot = await app.Services.GetRequiredService<Storage.QueueDatabase>().SnapshotAsync(CancellationToken.None);
            app.Dispose();
            throw new InvalidOperationException(
                $"{exception.Message}\nSink: {sink.MessagesAccepted} accepted, {sink.Arrivals.Select(a => a.MessageId).Distinct().Count()} distinct. Queue: {snapshot}\n" +
                string.Join("\n", workers.Select(w => $"--- worker {w.Id}{(w.HasExited ? " (exited)" : "")}, last lines:\n{string.Join("\n", w.Output.TakeLast(40))}")),
                exception);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }
}

/// <summary>What a <see cref="WorkerKillScenario"/> run left.</summary>
/// <param name="App">The enqueue-only application, still running; the caller disposes it.</param>
/// <param name="Enqueued">The Message-Id of every message enqueued.</param>
/// <param name="Arrived">The Message-Id of every message the sink accepted, once per acceptance.</param>
/// <param name="AcceptedBeforeKill">How many messages the sink had accepted when the worker was killed.</param>
internal sealed record WorkerKillOutcome(IHost App, IReadOnlyList<string> Enqueued, IReadOnlyList<string> Arrived, long AcceptedBeforeKill) : IDisposable
{
    public void Dispose() => App.Dispose();
}
