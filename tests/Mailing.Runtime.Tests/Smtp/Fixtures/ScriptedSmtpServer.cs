using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mailing.Tests.Smtp.Fixtures;

/// <summary>
/// A deliberately small plaintext SMTP server on loopback for the faults SmtpServer cannot produce: a server
/// that never answers, 421 in the middle of a session, a connection dropped during DATA or closed while idle,
/// and a server that does not offer STARTTLS. It speaks just enough SMTP for MailKit, strictly: a bare CR or LF from the client fails the test.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<ScriptedCommand, ScriptedReply?> _script;
    private readonly string _ehloReply;
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly ConcurrentDictionary<int, (TcpClient Client, StreamWriter Writer)> _open = new();
    private readonly Task _accepting;
    private int _sessionCount;

    private ScriptedSmtpServer(Func<ScriptedCommand, ScriptedReply?> script, string? greeting, IReadOnlyList<string> extensions)
    {
        _script = script;
        _ehloReply = string.Join("\r\n", extensions.Prepend("scripted.test").Select((line, i) => (i == extensions.Count ? "250 " : "250-") + line));
        Greeting = greeting;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The greeting; <see langword="null"/> for a server that accepts connections and never speaks.</summary>
    public string? Greeting { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Sessions => Volatile.Read(ref _sessionCount);

    /// <summary>Every command verb received, across sessions, in arrival order.</summary>
    public ConcurrentQueue<string> Verbs { get; } = new();

    /// <summary>The raw DATA of every message completed with a 250, in arrival order.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>
    /// What the client sent that breaks SMTP's line rules (a bare CR or LF: RFC 5321 §2.3.8); the session ended there.
    /// Disposing the server fails the test when there is any.
    /// </summary>
    public ConcurrentQueue<string> ProtocolViolations { get; } = new();

    /// <summary>Every message body the server read after DATA, whether it then accepted it or not.</summary>
    public ConcurrentQueue<string> DataReceived { get; } = new();

    /// <param name="script">Replies that replace the default answer to a command; <see langword="null"/> for the default.</param>
    /// <param name="greeting">The greeting line; <see langword="null"/> for a server that never speaks.</param>
    /// <param name="extensions">The EHLO extensions offered; 8BITMIME and ENHANCEDSTATUSCODES when not given.</param>
    public static ScriptedSmtpServer Start(
        Func<ScriptedCommand, ScriptedReply?>? script = null, string? greeting = "220 scripted.test ESMTP", IReadOnlyList<string>? extensions = null) =>
        new(script ?? (_ => null), greeting, extensions ?? ["8BITMIME", "ENHANCEDSTATUSCODES"]);

    /// <summary>
    /// Ends every open session from the server's side, as an MTA does with a connection idle past its timeout: an optional
    /// farewell line (Postfix: <c>421 4.4.2 ... Error: timeout exceeded</c>), then the TCP connection is closed.
    /// </summary>
    public async Task CloseIdleSessionsAsync(string? farewell = null)
    {
        foreach (var (session, (client, writer)) in _open)
        {
            if (farewell is not null)
            {
                await writer.WriteLineAsync(farewell);
            }

            client.Client.Shutdown(SocketShutdown.Both);
            client.Close();
            _open.TryRemove(session, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([_accepting, .. _sessions]).ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
        if (!ProtocolViolations.IsEmpty)
        {
            throw new InvalidOperationException($"The client broke SMTP's line rules: {string.Join("; ", ProtocolViolations)}");
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            var session = Interlocked.Increment(ref _sessionCount);
            _sessions.Add(Task.Run(() => ServeAsync(client, session)));
        }
    }

    private async Task ServeAsync(TcpClient client, int session)
    {
        using var owned = client;
        var token = _stopping.Token;
        try
        {
            var stream = client.GetStream();
            var reader = new CrLfLineReader(stream);
            var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            _open[session] = (client, writer);
            if (Greeting is null)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            await writer.WriteLineAsync(Greeting);
            var completed = 0;

            // Like Postfix: DATA without an accepted sender and recipient is refused (554), not answered with 354.
            var senderAccepted = false;
            var recipientsAccepted = 0;
            while (await reader.ReadLineAsync(token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                Verbs.Enqueue(verb);
                var reply = _script(new ScriptedCommand(session, completed, verb, line));
                var accepted = reply is null || reply.Text?.StartsWith('2') == true;
                senderAccepted = verb switch
                {
                    "MAIL" => accepted,
                    "RSET" => false,
                    _ => senderAccepted,
                };
                recipientsAccepted = verb switch
                {
                    "RCPT" when accepted && senderAccepted => recipientsAccepted + 1,
                    "MAIL" or "RSET" => 0,
                    _ => recipientsAccepted,
                };
                if (!await AnswerAsync(reply, writer, token))
                {
                    return;
                }

                if (reply is not null)
                {
                    continue;
                }

                if (verb == "DATA" && (!senderAccepted || recipientsAccepted == 0))
                {
                    await writer.WriteLineAsync("554 5.5.1 Error: no valid recipients");
                    continue;
                }

                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync(_ehloReply);
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 scripted.test");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        if (await ReadDataAsync(reader, token) is not { } data)
                        {
                            // The client hung up before the lone dot: a real server discards what it read.
                            return;
                        }

                        DataReceived.Enqueue(data);
                        var end = _script(new ScriptedCommand(session, completed, "END-OF-DATA", "."));
                        if (end is null || end.Text?.StartsWith("250", StringComparison.Ordinal) == true)
                        {
                            Messages.Enqueue(data);
                            completed++;
                        }

                        if (!await AnswerAsync(end, writer, token))
                        {
                            return;
                        }

                        if (end is null)
                        {
                            await writer.WriteLineAsync($"250 2.0.0 Ok: queued as Q{session}x{completed}");
                        }

                        senderAccepted = false;
                        recipientsAccepted = 0;
                        break;
                    case "MAIL" or "RCPT" or "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
        }
        catch (InvalidDataException violation)
        {
            ProtocolViolations.Enqueue($"session {session}: {violation.Message}");
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The client went away, or CloseIdleSessionsAsync closed the session; that is the client's business in these tests.
        }
        finally
        {
            _open.TryRemove(session, out var _);
        }
    }

    /// <returns><see langword="false"/> when the session must end.</returns>
    private static async Task<bool> AnswerAsync(ScriptedReply? reply, StreamWriter writer, CancellationToken token)
    {
        if (reply is null)
        {
            return true;
        }

        if (reply.Hang)
        {
            await Task.Delay(Timeout.Infinite, token);
        }

        if (reply.Drop)
        {
            return false;
        }

        await writer.WriteLineAsync(reply.Text);
        return !reply.ThenClose && !reply.Text!.StartsWith("421", StringComparison.Ordinal);
    }

    /// <returns>The message, unstuffed; <see langword="null"/> when the connection ended before the lone dot.</returns>
    private static async Task<string?> ReadDataAsync(CrLfLineReader reader, CancellationToken token)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line == ".")
            {
                return data.ToString();
            }

            // RFC 5321 §4.5.2: the first dot of any line that starts with one is removed, whatever follows it.
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        return null;
    }

    // Lines end with CRLF and nothing else: a StreamReader would split on a bare CR or LF and hide that the client sent one.
    private sealed class CrLfLineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private readonly MemoryStream _line = new();
        private int _start;
        private int _end;

        /// <returns>The line without its CRLF; <see langword="null"/> when the connection ended before one.</returns>
        /// <exception cref="InvalidDataException">A bare CR or LF.</exception>
        public async Task<string?> ReadLineAsync(CancellationToken token)
        {
            _line.SetLength(0);
            while (true)
            {
                if (_start == _end && !await FillAsync(token))
                {
                    return null;
                }

                var next = _buffer[_start++];
                if (next == (byte)'\n')
                {
                    throw new InvalidDataException($"a bare LF after \"{Shown()}\"");
                }

                if (next != (byte)'\r')
                {
                    _line.WriteByte(next);
                    continue;
                }

                if (_start == _end && !await FillAsync(token))
                {
                    return null;
                }

                if (_buffer[_start] != (byte)'\n')
                {
                    throw new InvalidDataException($"a bare CR after \"{Shown()}\"");
                }

                _start++;
                return Shown();
            }
        }

        private string Shown() => Encoding.UTF8.GetString(_line.GetBuffer(), 0, (int)_line.Length);

        private async Task<bool> FillAsync(CancellationToken token)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, token);
            return _end > 0;
        }
    }
}
