using System.Net;
using System.Net.Sockets;

namespace Mailing.Runtime.Tests.Templates;

/// <summary>A real HTTP server on loopback that serves a stylesheet and counts the requests it gets.</summary>
internal sealed class LoopbackStylesheetServer : IDisposable
{
    /// <summary>The colour the served stylesheet gives paragraphs: seen in a message only if it was fetched.</summary>
    public const string ServedColor = "#abcdef";

    private readonly HttpListener _server = new();
    private int _requests;

    public LoopbackStylesheetServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _server.Prefixes.Add(BaseUrl);
        _server.Start();
        _ = ServeAsync();
    }

    public string BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _server.Close();

    private async Task ServeAsync()
    {
        try
        {
            while (_server.IsListening)
            {
                var context = await _server.GetContextAsync();
                Interlocked.Increment(ref _requests);
                var body = System.Text.Encoding.UTF8.GetBytes("p { color: " + ServedColor + "; }");
                context.Response.ContentType = "text/css";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
