using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Mailing.Package.Tests;

/// <summary>A real SMTP server on 127.0.0.1 (plaintext, which Mailing allows only to loopback) that keeps what it receives.</summary>
internal sealed class LoopbackSmtpServer : IDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;

    private LoopbackSmtpServer()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, args) => started.TrySetResult(((IPEndPoint)args.LocalEndPoint).Port);

        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(_received));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stopping.Token);
        Task.WaitAny(started.Task, _running);
        if (!started.Task.IsCompleted)
        {
            _running.GetAwaiter().GetResult();
            throw new InvalidOperationException("The loopback SMTP server stopped before it listened.");
        }

        Port = started.Task.Result;
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    public static LoopbackSmtpServer Start() => new();

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _running.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
