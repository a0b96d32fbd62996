using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Mailing.TestServers;

/// <summary>
/// An SMTP server for measuring clients, not for receiving mail: it answers every command at once,
/// advertises PIPELINING and 8BITMIME (and STARTTLS when given a certificate), and throws the message
/// data away as it reads it. It only counts what it accepted, so a benchmark can check every message arrived.
/// </summary>
/// <remarks>
/// Replies to pipelined commands are collected and written once per read, as a real MTA does, so the
/// sink never makes a client wait on Nagle or delayed ACK. It does no parsing beyond the command verb and
/// allocates nothing per message in steady state: what it costs is what a TCP peer costs.
/// <para>
/// Started with <c>recordMessages: true</c> it also reads each message's header block and records its Message-Id and
/// the moment it was accepted (<see cref="Arrivals"/>), so a test can count deliveries per message and their times.
/// <see cref="Hold"/> makes it keep the reply to the end of every message's data until <see cref="Release"/>: a message
/// whose client is gone by then was never accepted (no 250 was sent), as with a real server.
/// </para>
/// </remarks>
public sealed class InstantSmtpSink : IAsyncDisposable
{
    private static readonly byte[] Greeting = "220 sink ESMTP\r\n"u8.ToArray();
    private static readonly byte[] EhloPlain = "250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n"u8.ToArray();
    private static readonly byte[] EhloWithStartTls = "250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-STARTTLS\r\n250 SIZE 52428800\r\n"u8.ToArray();
    private static readonly byte[] Ok = "250 2.0.0 Ok\r\n"u8.ToArray();
    private static readonly byte[] Queued = "250 2.0.0 Ok: queued as SINK0001\r\n"u8.ToArray();
    private static readonly byte[] StartData = "354 End data with <CR><LF>.<CR><LF>\r\n"u8.ToArray();
    private static readonly byte[] ReadyForTls = "220 2.0.0 Ready to start TLS\r\n"u8.ToArray();
    private static readonly byte[] Bye = "221 2.0.0 Bye\r\n"u8.ToArray();
    private static readonly byte[] Unknown = "502 5.5.2 Command not recognized\r\n"u8.ToArray();

    private readonly TcpListener _listener;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly bool _record;
    private readonly ConcurrentQueue<SinkArrival> _arrivals = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _accepted;
    private long _held;
    private volatile TaskCompletionSource? _hold;

    private InstantSmtpSink(X509Certificate2? certificate, bool record)
    {
        _certificate = certificate;
        _record = record;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(backlog: 128);
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many messages the sink has answered with 250 after their data.</summary>
    public long MessagesAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Every accepted message's Message-Id (without angle brackets) and when it was accepted, oldest first; empty unless recording.</summary>
    public IReadOnlyList<SinkArrival> Arrivals => _arrivals.ToArray();

    /// <summary>How many messages wait for their reply while the sink is held.</summary>
    public long MessagesHeld => Interlocked.Read(ref _held);

    /// <summary>Starts a sink on a free loopback port; with a certificate it offers STARTTLS; <paramref name="recordMessages"/> records Message-Ids.</summary>
    public static InstantSmtpSink Start(X509Certificate2? certificate = null, bool recordMessages = false) => new(certificate, recordMessages);

    /// <summary>From now on, keeps the reply to the end of each message's data (the client waits) until <see cref="Release"/>.</summary>
    public void Hold() => _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers every held message whose client is still connected (accepting it) and stops holding.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stopping.Token);
            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        var session = new Session();
        try
        {
            await stream.WriteAsync(Greeting, _stopping.Token);
            var buffer = new byte[64 * 1024];
            var replies = new MemoryStream(1024);
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(session.Pending), _stopping.Token);
                if (read == 0)
                {
                    return;
                }

                var action = session.Consume(buffer, session.Pending + read, replies, this);
                if (session.HeldMessageId is { } held)
                {
                    session.HeldMessageId = null;
                    if (!await WaitForReleaseAsync(socket))
                    {
                        return;
                    }

                    Accept(held.Length == 0 ? null : held);
                    replies.Write(Queued);
                }

                if (replies.Length > 0)
                {
                    await stream.WriteAsync(replies.GetBuffer().AsMemory(0, (int)replies.Length), _stopping.Token);
                    replies.SetLength(0);
                }

                if (action == SessionAction.Quit)
                {
                    return;
                }

                if (action == SessionAction.StartTls && _certificate is not null)
                {
                    var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                    await tls.AuthenticateAsServerAsync(_certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
                    stream = tls;
                    session.Pending = 0;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // A client that hangs up mid-session is normal here (MailKit's per-message rows do after QUIT).
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    /// <summary>Counts and records one accepted message.</summary>
    private void Accept(string? messageId)
    {
        Interlocked.Increment(ref _accepted);
        if (_record)
        {
            _arrivals.Enqueue(new SinkArrival(messageId ?? "", Stopwatch.GetElapsedTime(_started)));
        }
    }

    /// <summary>Waits while the sink is held; false when the client hung up meanwhile (its message was never accepted).</summary>
    private async Task<bool> WaitForReleaseAsync(Socket socket)
    {
        if (_hold is not { } hold)
        {
            return true;
        }

        Interlocked.Increment(ref _held);
        try
        {
            await hold.Task.WaitAsync(_stopping.Token);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }

        // A killed client's socket is closed by its kernel: readable with nothing to read.
        return !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
    }

    private enum SessionAction
    {
        Continue,
        StartTls,
        Quit,
    }

    /// <summary>The parser state of one connection: command lines, or message data until the lone dot.</summary>
    private sealed class Session
    {
        // How far through "\r\n.\r\n" the data has matched; starts at 2 because DATA's content begins a line.
        private int _terminatorMatched;
        private bool _inData;

        private const int MaxHeaderBytes = 64 * 1024;
        private MemoryStream? _headers;

        /// <summary>Bytes of an unfinished command line kept at the start of the buffer for the next read.</summary>
        public int Pending { get; set; }

        /// <summary>Set when a message's data ended while the sink holds: the Message-Id (empty when none) whose reply waits.</summary>
        public string? HeldMessageId { get; set; }

        public SessionAction Consume(byte[] buffer, int length, MemoryStream replies, InstantSmtpSink sink)
        {
            var position = 0;
            while (position < length)
            {
                if (_inData)
                {
                    if (_headers is { } headers && headers.Length < MaxHeaderBytes)
                    {
                        headers.Write(buffer, position, Math.Min(length - position, MaxHeaderBytes - (int)headers.Length));
                    }

                    position = SkipData(buffer, position, length);
                    if (!_inData)
                    {
                        var messageId = _headers is null ? null : ReadMessageId(_headers);
                        _headers = null;
                        if (sink._hold is not null)
                        {
                            HeldMessageId = messageId ?? "";
                            Pending = 0;
                            return SessionAction.Continue;
                        }

                        sink.Accept(messageId);
                        replies.Write(Queued);
                    }

                    continue;
                }

                var lineEnd = Array.IndexOf(buffer, (byte)'\n', position, length - position);
                if (lineEnd < 0)
                {
                    break;
                }

                var action = Answer(buffer.AsSpan(position, lineEnd - position), replies, sink._certificate is not null, sink._record);
                position = lineEnd + 1;
                if (action != SessionAction.Continue)
                {
                    // STARTTLS: whatever the client sent after it in plaintext must be ignored (RFC 3207 §4.2).
                    Pending = 0;
                    return action;
                }
            }

            Pending = length - position;
            if (Pending > 0)
            {
                Buffer.BlockCopy(buffer, position, buffer, 0, Pending);
            }

            return SessionAction.Continue;
        }

        private SessionAction Answer(ReadOnlySpan<byte> line, MemoryStream replies, bool offerStartTls, bool recordMessages)
        {
            var verb = line.Length >= 4 ? line[..4] : line;
            if (Ascii.EqualsIgnoreCase(verb, "MAIL"u8) || Ascii.EqualsIgnoreCase(verb, "RCPT"u8)
                || Ascii.EqualsIgnoreCase(verb, "RSET"u8) || Ascii.EqualsIgnoreCase(verb, "NOOP"u8) || Ascii.EqualsIgnoreCase(verb, "AUTH"u8))
            {
                replies.Write(Ascii.EqualsIgnoreCase(verb, "AUTH"u8) ? "235 2.7.0 Authentication successful\r\n"u8 : Ok);
            }
            else if (Ascii.EqualsIgnoreCase(verb, "DATA"u8))
            {
                _inData = true;
                _headers = recordMessages ? new MemoryStream() : null;
                _terminatorMatched = 2;
                replies.Write(StartData);
            }
            else if (Ascii.EqualsIgnoreCase(verb, "EHLO"u8) || Ascii.EqualsIgnoreCase(verb, "HELO"u8))
            {
                replies.Write(offerStartTls ? EhloWithStartTls : EhloPlain);
            }
            else if (Ascii.EqualsIgnoreCase(verb, "STAR"u8) && offerStartTls)
            {
                replies.Write(ReadyForTls);
                return SessionAction.StartTls;
            }
            else if (Ascii.EqualsIgnoreCase(verb, "QUIT"u8))
            {
                replies.Write(Bye);
                return SessionAction.Quit;
            }
            else
            {
                replies.Write(Unknown);
            }

            return SessionAction.Continue;
        }

        /// <summary>The Message-Id header's value without angle brackets, from the header block at the start of the data.</summary>
        private static string? ReadMessageId(MemoryStream headers)
        {
            var text = Encoding.ASCII.GetString(headers.GetBuffer(), 0, (int)headers.Length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            foreach (var line in (end < 0 ? text : text[..end]).Split("\r\n"))
            {
                if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                {
                    return line["Message-Id:".Length..].Trim().Trim('<', '>');
                }
            }

            return null;
        }

        private int SkipData(byte[] buffer, int position, int length)
        {
            ReadOnlySpan<byte> terminator = "\r\n.\r\n"u8;
            while (position < length)
            {
                var b = buffer[position++];
                if (b == terminator[_terminatorMatched])
                {
                    if (++_terminatorMatched == terminator.Length)
                    {
                        _inData = false;
                        return position;
                    }
                }
                else if (_terminatorMatched > 0 || b != '\r')
                {
                    // Restart the match; a CR can begin the terminator again.
                    _terminatorMatched = b == '\r' ? 1 : 0;
                }

                if (_terminatorMatched == 0)
                {
                    // Most of a body contains no CR: jump to the next one instead of matching byte by byte.
                    var next = Array.IndexOf(buffer, (byte)'\r', position, length - position);
                    if (next < 0)
                    {
                        return length;
                    }

                    position = next;
                }
            }

            return position;
        }
    }
}
