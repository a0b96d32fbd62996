using BenchmarkDotNet.Attributes;
using Mailing.Transports.Smtp;

using Mailing.TestServers;

namespace Mailing.Benchmarks.Sending;

/// <summary>
/// N concurrent senders over N connections, 3 KB body, plain TCP: Mailing's transport with PoolSize N, and the
/// raw-socket floor with N connections, which is also the sink's own ceiling on this machine (if the floor
/// does not scale, the sink or the cores are the limit, not the client).
/// </summary>
[MemoryDiagnoser]
public class SmtpPoolScalingBenchmarks
{
    public const int Messages = 200;

    private InstantSmtpSink sink = null!;
    private WireSpeedMessage message = null!;
    private RawSmtpClient[] raw = [];
    private SmtpTransport transport = null!;

    [Params(1, 4, 8)]
    public int Senders { get; set; }

    [GlobalSetup]
    public async Task StartSinkAndCheckEveryPathDelivers()
    {
        sink = InstantSmtpSink.Start();
        message = WireSpeedMessage.Create(3_000);
        raw = new RawSmtpClient[Senders];
        for (var i = 0; i < Senders; i++)
        {
            raw[i] = await RawSmtpClient.ConnectAsync(sink.Port, null, WireSpeedMessage.From, WireSpeedMessage.To);
        }

        transport = new SmtpTransport(WireSpeedTransport.Options(sink.Port, poolSize: Senders, certificate: null));
        await RawSocketsFloor();
        await MailingPool();
        WireSpeedTransport.Require(sink, expected: 2 * Messages);
        if (transport.OpenedConnections > Senders)
        {
            throw new InvalidOperationException($"SmtpTransport opened {transport.OpenedConnections} connections for {Senders} senders.");
        }
    }

    [GlobalCleanup]
    public async Task StopSink()
    {
        foreach (var client in raw)
        {
            await client.DisposeAsync();
        }

        await transport.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "Raw sockets, N connections (floor and sink ceiling)")]
    public Task RawSocketsFloor() => Task.WhenAll(raw.Select(async client =>
    {
        for (var i = 0; i < Messages / Senders; i++)
        {
            await client.SendAsync(message.StuffedData);
        }
    }));

    [Benchmark(OperationsPerInvoke = Messages, Description = "Mailing SmtpTransport, PoolSize N, N senders")]
    public Task MailingPool() => Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
    {
        for (var i = 0; i < Messages / Senders; i++)
        {
            await transport.SendAsync(message.Message);
        }
    }));
}
