using System.Diagnostics;

namespace Mailing.Benchmarks.Sending;

/// <summary>The quick trial: messages per second for each wire-speed row, timed with a stopwatch.</summary>
internal static class WireSpeedTrial
{
    public static async Task RunAsync()
    {
        var single = new SmtpWireSpeedBenchmarks { BodyBytes = 3_000, StartTls = false };
        await single.StartSinkAndCheckEveryPathDelivers();
        await ReportAsync("raw socket floor", SmtpWireSpeedBenchmarks.Messages, single.RawSocketFloor);
        await ReportAsync("MailKit held open", SmtpWireSpeedBenchmarks.Messages, single.MailKitHeldOpen);
        await ReportAsync("Mailing PoolSize 1", SmtpWireSpeedBenchmarks.Messages, single.MailingPooledSequential);
        await single.StopSink();

        foreach (var senders in new[] { 4, 8 })
        {
            var pool = new SmtpPoolScalingBenchmarks { Senders = senders };
            await pool.StartSinkAndCheckEveryPathDelivers();
            await ReportAsync($"raw sockets x{senders}", SmtpPoolScalingBenchmarks.Messages, pool.RawSocketsFloor);
            await ReportAsync($"Mailing PoolSize {senders}, {senders} senders", SmtpPoolScalingBenchmarks.Messages, pool.MailingPool);
            await pool.StopSink();
        }
    }

    public static async Task ProfileMailingAsync(int messages)
    {
        var single = new SmtpWireSpeedBenchmarks { BodyBytes = 3_000, StartTls = false };
        await single.StartSinkAndCheckEveryPathDelivers();
        await ReportAsync("raw socket floor", SmtpWireSpeedBenchmarks.Messages, single.RawSocketFloor);
        var serialized = new Mailing.Transports.Local.InMemoryTransport();
        await serialized.SendAsync(WireSpeedMessage.Create(3_000).Message);
        Console.WriteLine($"Mailing's message serializes to {serialized.Sent[0].MimeBytes.Length:N0} B (the allocation target is 1.5x that)");
        using (var sampler = new AllocationSampler())
        {
            await ReportAsync("Mailing PoolSize 1", messages, async () =>
            {
                for (var i = 0; i < messages / SmtpWireSpeedBenchmarks.Messages; i++)
                {
                    await single.MailingPooledSequential();
                }
            });
            sampler.Report(messages);
        }

        await single.StopSink();
    }

    private static async Task ReportAsync(string row, int messagesPerInvoke, Func<Task> invoke)
    {
        var rounds = Math.Max(1, 2_000 / messagesPerInvoke);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            await invoke();
        }

        clock.Stop();
        process.Refresh();
        var messages = rounds * messagesPerInvoke;
        var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / messages;

        // CPU time of the whole process (client and sink) per message: steadier than messages/s when other work shares the cores.
        var cpuPerMessage = (process.TotalProcessorTime - cpu).TotalMicroseconds / messages;
        Console.WriteLine($"{row,-36} {messages / clock.Elapsed.TotalSeconds,10:N0} messages/s {bytes,10:N0} B/message {cpuPerMessage,8:N1} µs CPU/message");
    }
}
