using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Mailing.Benchmarks.Sending;

/// <summary>
/// The floor: what sending costs when nothing is built per message. The MIME bytes are serialized and
/// dot-stuffed once; each send writes MAIL FROM, RCPT TO and DATA in one pipelined write, reads the three
/// replies, writes the bytes and reads the final reply. No parsing beyond the reply code.
/// </summary>
internal sealed class RawSmtpClient : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _replies = new byte[4096];
    private readonly byte[] _envelope;

    private RawSmtpClient(Stream stream, string from, string to)
    {
        _stream = stream;
        _envelope = Encoding.ASCII.GetBytes($"MAIL FROM:<{from}> BODY=8BITMIME\r\nRCPT TO:<{to}>\r\nDATA\r\n");
    }

    public static async Task<RawSmtpClient> ConnectAsync(int port, X509Certificate2? trusted, string from, string to)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        var client = new RawSmtpClient(stream, from, to);
        await client.ExpectAsync(1, '2');
        await client.CommandAsync("EHLO raw\r\n"u8.ToArray());
        if (trusted is not null)
        {
            await client.CommandAsync("STARTTLS\r\n"u8.ToArray());
            var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, presented, _, _) => presented?.GetCertHashString() == trusted.GetCertHashString());
            await tls.AuthenticateAsClientAsync("localhost");
            client = new RawSmtpClient(tls, from, to);
            await client.CommandAsync("EHLO raw\r\n"u8.ToArray());
        }

        return client;
    }

    /// <summary>Sends pre-serialized message data: already dot-stuffed and ending with CRLF.CRLF.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> stuffedData)
    {
        await _stream.WriteAsync(_envelope);
        await ExpectAsync(3, '2', '3');
        await _stream.WriteAsync(stuffedData);
        await ExpectAsync(1, '2');
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CommandAsync("QUIT\r\n"u8.ToArray());
        }
        catch (IOException)
        {
        }

        await _stream.DisposeAsync();
    }

    private async Task CommandAsync(byte[] command)
    {
        await _stream.WriteAsync(command);
        await ExpectAsync(1, '2');
    }

    // Counts final reply lines ("250 ..." rather than "250-...") until `count` have arrived.
    private async Task ExpectAsync(int count, params char[] allowed)
    {
        var filled = 0;
        var lineStart = 0;
        while (count > 0)
        {
            var read = await _stream.ReadAsync(_replies.AsMemory(filled));
            if (read == 0)
            {
                throw new IOException("The sink closed the connection.");
            }

            filled += read;
            int end;
            while (count > 0 && (end = Array.IndexOf(_replies, (byte)'\n', lineStart, filled - lineStart)) >= 0)
            {
                if (end - lineStart >= 4 && _replies[lineStart + 3] == ' ')
                {
                    if (Array.IndexOf(allowed, (char)_replies[lineStart]) < 0)
                    {
                        throw new InvalidOperationException($"Unexpected reply: {Encoding.ASCII.GetString(_replies, lineStart, end - lineStart)}");
                    }

                    count--;
                }

                lineStart = end + 1;
            }
        }
    }
}
