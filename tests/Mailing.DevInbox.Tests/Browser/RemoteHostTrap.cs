using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mailing.DevInbox.Tests.Browser;

/// <summary>
/// A loopback port standing in for a tracker's host: it counts every TCP connection, records the
/// first line of any request, and answers nothing useful.
/// </summary>
/// <remarks>
/// Connections are counted, not just requests, because a browser's preconnect opens a socket and
/// sends nothing: that alone tells the tracker the message was opened.
/// </remarks>
internal sealed class RemoteHostTrap : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private int _connections;
    private readonly Task _accepting;

    public RemoteHostTrap()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The trap's origin, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Origin => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many TCP connections reached the trap, counted as each is accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The first line of every request that came over those connections.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>What reached the trap, for an assertion's message.</summary>
    public string Report() => $"{Connections} connection(s) to {Origin}; requests: [{string.Join(", ", _requests)}]";

    /// <summary>Waits until a request whose first line starts with <paramref name="start"/> came in.</summary>
    public async Task WaitForRequestAsync(string start, CancellationToken cancellationToken)
    {
        while (!_requests.Any(line => line.StartsWith(start, StringComparison.Ordinal)))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                Interlocked.Increment(ref _connections);
                _ = RecordAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private async Task RecordAsync(TcpClient client)
    {
        using (client)
        {
            var buffer = new byte[1024];
            try
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                quiet.CancelAfter(TimeSpan.FromSeconds(5));
                var read = await client.GetStream().ReadAsync(buffer, quiet.Token);
                if (read > 0)
                {
                    _requests.Enqueue(Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0]);
                }
            }
            catch (Exception failure) when (failure is OperationCanceledException or IOException or SocketException)
            {
            }

        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
