using BenchmarkDotNet.Attributes;
using RunStrategy = BenchmarkDotNet.Engines.RunStrategy;
using Mailing.Queue;
using Mailing.TestServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mailing.Benchmarks.Queue;

/// <summary>
/// End to end: 1,000 messages enqueued by 8 concurrent callers, measured until the last one has arrived at the instant
/// SMTP sink, with 1 or 3 workers (each its own Wolverine node with the default 4 sends at once; they run in this
/// process, on the same two cores separate processes would share). Beside it, the same 1,000 messages sent with
/// <c>IMailer.SendAsync</c> by 8 concurrent callers.
/// </summary>
/// <remarks>
/// One invocation is a whole round of seconds, so each row is three warm-up rounds and ten measured ones (the counts of
/// the global Short10 job, here with <see cref="RunStrategy.Monitoring"/>): what produced the published report.
/// </remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class QueueThroughputBenchmarks
{
    public const int Messages = 1_000;
    private const int Callers = 8;
    private static readonly TimeSpan RoundLimit = TimeSpan.FromMinutes(2);

    private InstantSmtpSink sink = null!;
    private IHost app = null!;
    private IHost[] workers = [];
    private IMailQueue queue = null!;
    private IMailer mailer = null!;
    private int number;

    [ParamsSource(nameof(Storages))]
    public string Storage { get; set; } = QueueBenchmarkHost.Sqlite;

    [Params(1, 3)]
    public int Workers { get; set; }

    public static IEnumerable<string> Storages() => QueueBenchmarkHost.Storages();

    [GlobalSetup]
    public async Task StartAndCheckEveryMessageArrives()
    {
        sink = InstantSmtpSink.Start();
        var storage = await QueueBenchmarkHost.CreateStorageAsync(Storage);
        app = await QueueBenchmarkHost.StartAsync(storage, sink.Port, worker: false);
        workers = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => QueueBenchmarkHost.StartAsync(storage, sink.Port, worker: true)));
        queue = app.Services.GetRequiredService<IMailQueue>();
        mailer = app.Services.GetRequiredService<IMailer>();
        await DirectSendAsync();
        await QueuedAsync();
        if (sink.MessagesAccepted != 2 * Messages)
        {
            throw new InvalidOperationException($"The sink accepted {sink.MessagesAccepted} messages, expected {2 * Messages}.");
        }
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        foreach (var host in workers.Append(app))
        {
            await host.StopAsync();
            host.Dispose();
        }

        await sink.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "IMailer.SendAsync, 8 callers")]
    public Task DirectSendAsync() => InParallelAsync(async n => await mailer.SendAsync(QueueBenchmarkHost.Message(n)));

    [Benchmark(OperationsPerInvoke = Messages, Description = "EnqueueAsync, 8 callers, until the last arrives")]
    public async Task QueuedAsync()
    {
        var target = sink.MessagesAccepted + Messages;
        await InParallelAsync(async n => await queue.EnqueueAsync(QueueBenchmarkHost.Message(n)));
        var deadline = DateTime.UtcNow + RoundLimit;
        while (sink.MessagesAccepted < target)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Messages - (target - sink.MessagesAccepted)} of {Messages} queued messages arrived within {RoundLimit}.");
            }

            await Task.Delay(1);
        }
    }

    private Task InParallelAsync(Func<int, Task> send)
    {
        var first = number;
        number += Messages;
        return Parallel.ForEachAsync(Enumerable.Range(first, Messages), new ParallelOptions { MaxDegreeOfParallelism = Callers }, async (n, _) => await send(n));
    }
}
