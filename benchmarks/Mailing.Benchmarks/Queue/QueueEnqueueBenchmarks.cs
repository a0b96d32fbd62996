using BenchmarkDotNet.Attributes;
using Mailing.Queue;
using Mailing.TestServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mailing.Benchmarks.Queue;

/// <summary>
/// What <c>IMailQueue.EnqueueAsync</c> costs the caller per message (one caller, one message after the other), beside
/// sending the same message directly with <c>IMailer.SendAsync</c> to the instant SMTP sink. No worker runs: the queue
/// only grows.
/// </summary>
[MemoryDiagnoser]
public class QueueEnqueueBenchmarks
{
    public const int Messages = 200;

    private InstantSmtpSink sink = null!;
    private IHost app = null!;
    private IMailQueue queue = null!;
    private IMailer mailer = null!;
    private int number;

    [ParamsSource(nameof(Storages))]
    public string Storage { get; set; } = QueueBenchmarkHost.Sqlite;

    public static IEnumerable<string> Storages() => QueueBenchmarkHost.Storages();

    [GlobalSetup]
    public async Task StartAndCheckBothPathsWork()
    {
        sink = InstantSmtpSink.Start();
        app = await QueueBenchmarkHost.StartAsync(await QueueBenchmarkHost.CreateStorageAsync(Storage), sink.Port, worker: false);
        queue = app.Services.GetRequiredService<IMailQueue>();
        mailer = app.Services.GetRequiredService<IMailer>();
        await DirectSendAsync();
        await EnqueueAsync();
        if (sink.MessagesAccepted != Messages)
        {
            throw new InvalidOperationException($"The sink accepted {sink.MessagesAccepted} messages, expected {Messages} from the direct sends and none from the queue.");
        }
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        await app.StopAsync();
        app.Dispose();
        await sink.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "IMailer.SendAsync to the instant sink")]
    public async Task DirectSendAsync()
    {
        for (var i = 0; i < Messages; i++)
        {
            await mailer.SendAsync(QueueBenchmarkHost.Message(number++));
        }
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "IMailQueue.EnqueueAsync")]
    public async Task EnqueueAsync()
    {
        for (var i = 0; i < Messages; i++)
        {
            await queue.EnqueueAsync(QueueBenchmarkHost.Message(number++));
        }
    }
}
