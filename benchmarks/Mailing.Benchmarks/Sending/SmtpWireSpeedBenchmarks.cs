using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailing.DevInbox;
using Mailing.Transports.Smtp;

using Mailing.TestServers;

namespace Mailing.Benchmarks.Sending;

/// <summary>
/// One connection, one message after another, to a sink that answers at once (<see cref="InstantSmtpSink"/>):
/// the raw-socket floor, MailKit (per-message connection and held open, the same message resent) and Mailing's
/// pooled transport with PoolSize 1, with and without STARTTLS, for three body sizes.
/// </summary>
/// <remarks>
/// Each invocation sends <see cref="Messages"/> messages, so Mean and Allocated are per message. Allocated is
/// the whole process (the sink included), which is why the floor row is not zero: read the other rows against it.
/// </remarks>
[MemoryDiagnoser]
public class SmtpWireSpeedBenchmarks
{
    public const int Messages = 100;
    private const int PerMessageConnects = 10;

    private X509Certificate2? certificate;
    private InstantSmtpSink sink = null!;
    private WireSpeedMessage message = null!;
    private RawSmtpClient raw = null!;
    private SmtpClient heldClient = null!;
    private SmtpTransport transport = null!;

    [Params(1_000, 3_000, 100_000)]
    public int BodyBytes { get; set; }

    [Params(false, true)]
    public bool StartTls { get; set; }

    [GlobalSetup]
    public async Task StartSinkAndCheckEveryPathDelivers()
    {
        certificate = StartTls ? DevCertificate.CreateLocalhost() : null;
        sink = InstantSmtpSink.Start(certificate);
        message = WireSpeedMessage.Create(BodyBytes);
        raw = await RawSmtpClient.ConnectAsync(sink.Port, certificate, WireSpeedMessage.From, WireSpeedMessage.To);
        heldClient = await ConnectMailKitAsync();
        transport = new SmtpTransport(WireSpeedTransport.Options(sink.Port, poolSize: 1, certificate));

        // Twenty warm-up sends each, as the bulk-sender trial did, then every path must have delivered.
        for (var i = 0; i < 20; i++)
        {
            await raw.SendAsync(message.StuffedData);
            await heldClient.SendAsync(message.Mime);
            await transport.SendAsync(message.Message);
        }

        await MailKitConnectPerMessage();
        WireSpeedTransport.Require(sink, expected: 60 + PerMessageConnects);
        if (transport.OpenedConnections != 1)
        {
            throw new InvalidOperationException($"SmtpTransport opened {transport.OpenedConnections} connections for sequential sends; the pool should reuse one.");
        }
    }

    [GlobalCleanup]
    public async Task StopSink()
    {
        await raw.DisposeAsync();
        await heldClient.DisconnectAsync(quit: true);
        heldClient.Dispose();
        await transport.DisposeAsync();
        await sink.DisposeAsync();
        certificate?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "Raw socket: pre-serialized MIME (floor)")]
    public async Task RawSocketFloor()
    {
        for (var i = 0; i < Messages; i++)
        {
            await raw.SendAsync(message.StuffedData);
        }
    }

    [Benchmark(OperationsPerInvoke = PerMessageConnects, Description = "MailKit: connect, send, QUIT per message")]
    public async Task MailKitConnectPerMessage()
    {
        for (var i = 0; i < PerMessageConnects; i++)
        {
            using var client = await ConnectMailKitAsync();
            await client.SendAsync(message.Mime);
            await client.DisconnectAsync(quit: true);
        }
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "MailKit: SmtpClient held open, same message resent")]
    public async Task MailKitHeldOpen()
    {
        for (var i = 0; i < Messages; i++)
        {
            await heldClient.SendAsync(message.Mime);
        }
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "Mailing SmtpTransport, PoolSize 1, sequential")]
    public async Task MailingPooledSequential()
    {
        for (var i = 0; i < Messages; i++)
        {
            await transport.SendAsync(message.Message);
        }
    }

    private async Task<SmtpClient> ConnectMailKitAsync()
    {
        var client = new SmtpClient();
        if (certificate is not null)
        {
            client.ServerCertificateValidationCallback = IsTheSinkCertificate;
        }

        await client.ConnectAsync("127.0.0.1", sink.Port, certificate is null ? SecureSocketOptions.None : SecureSocketOptions.StartTls);
        return client;
    }

    private bool IsTheSinkCertificate(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors) =>
        presented is not null && presented.GetCertHashString() == certificate!.GetCertHashString();
}
