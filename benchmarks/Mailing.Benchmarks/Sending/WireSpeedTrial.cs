using System.Diagnostics;

namespace Mailing.Benchmarks.Sending;

/// <summary>The issue's quick trial: messages per second for each wire-speed row, timed with a stopwatch.</summary>
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

    /// <summary>
    /// The raw floor and Mailing's PoolSize 1, alternated round by round so both see the same load on a shared machine, with
    /// the ratio per round; then what Mailing allocated, by type. The loop to attach dotnet-trace to.
    /// </summary>
    public static async Task ProfileMailingAsync(int messages, int bodyBytes = 3_000, bool startTls = false)
    {
        var single = new SmtpWireSpeedBenchmarks { BodyBytes = bodyBytes, StartTls = startTls };
        await single.StartSinkAndCheckEveryPathDelivers();
        var serialized = new Mailing.Transports.Local.InMemoryTransport();
        await serialized.SendAsync(WireSpeedMessage.Create(bodyBytes).Message);
        Console.WriteLine($"{bodyBytes:N0} B body{(startTls ? ", STARTTLS" : "")}: Mailing's message serializes to {serialized.Sent[0].MimeBytes.Length:N0} B (the allocation target is 1.5x that)");
        for (var round = 1; round <= 3; round++)
        {
            var floor = await ReportAsync($"round {round}: raw socket floor", messages, () => Repeat(single.RawSocketFloor, messages));
            var mailing = await ReportAsync($"round {round}: Mailing PoolSize 1", messages, () => Repeat(single.MailingPooledSequential, messages));
            Console.WriteLine($"round {round}: Mailing / floor = {mailing / floor:F2}");
        }

        using (var sampler = new AllocationSampler())
        {
            await Repeat(single.MailingPooledSequential, messages);
            sampler.Report(messages);
        }

        await single.StopSink();

        static async Task Repeat(Func<Task> invoke, int messages)
        {
            for (var i = 0; i < messages / SmtpWireSpeedBenchmarks.Messages; i++)
            {
                await invoke();
            }
        }
    }

    /// <summary>N senders over N connections: the raw floor and Mailing's pool, alternated round by round, with each one's gain over one connection.</summary>
    public static async Task ProfilePoolAsync(int senders, int messages)
    {
        var one = new SmtpPoolScalingBenchmarks { Senders = 1 };
        var many = new SmtpPoolScalingBenchmarks { Senders = senders };
        await one.StartSinkAndCheckEveryPathDelivers();
        await many.StartSinkAndCheckEveryPathDelivers();
        for (var round = 1; round <= 3; round++)
        {
            var floorOne = await ReportAsync($"round {round}: raw socket x1", messages, () => Repeat(one.RawSocketsFloor, messages));
            var floorMany = await ReportAsync($"round {round}: raw sockets x{senders}", messages, () => Repeat(many.RawSocketsFloor, messages));
            var mailingOne = await ReportAsync($"round {round}: Mailing PoolSize 1", messages, () => Repeat(one.MailingPool, messages));
            var mailingMany = await ReportAsync($"round {round}: Mailing PoolSize {senders}", messages, () => Repeat(many.MailingPool, messages));
            Console.WriteLine($"round {round}: x{senders} over x1: floor {floorMany / floorOne:F2}, Mailing {mailingMany / mailingOne:F2}");
        }

        await one.StopSink();
        await many.StopSink();

        static async Task Repeat(Func<Task> invoke, int messages)
        {
            for (var i = 0; i < messages / SmtpPoolScalingBenchmarks.Messages; i++)
            {
                await invoke();
            }
        }
    }

    /// <returns>Messages per second.</returns>
    private static async Task<double> ReportAsync(string row, int messagesPerInvoke, Func<Task> invoke)
    {
        var rounds = Math.Max(1, 2_000 / messagesPerInvoke);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var workItems = ThreadPool.CompletedWorkItemCount;
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
        var workItemsPerMessage = (double)(ThreadPool.CompletedWorkItemCount - workItems) / messages;
        Console.WriteLine($"{row,-36} {messages / clock.Elapsed.TotalSeconds,10:N0} messages/s {bytes,10:N0} B/message {cpuPerMessage,8:N1} µs CPU/message {workItemsPerMessage,5:N1} thread-pool items/message");
        return messages / clock.Elapsed.TotalSeconds;
    }
}
