using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MailKit.Security;

namespace Mailing.Transports.Smtp;

/// <summary>
/// One SMTP session on an open socket: greeting, EHLO (HELO for an old server), STARTTLS, AUTH through MailKit's SASL
/// mechanisms, and mail transactions written straight onto the stream, MAIL FROM, every RCPT TO and DATA in one write when
/// the server offers PIPELINING (RFC 2920).
/// </summary>
/// <remarks>
/// <para>
/// Every read and write has <see cref="SmtpOptions.OperationTimeout"/> (a <see cref="TimeoutException"/> when it passes);
/// the caller's token cancels whatever is in progress. A message the server refused with a complete reply leaves the
/// session <see cref="IsOpen"/> (reset it with <see cref="ResetAsync"/>); after any other failure its state is unknown, it
/// is no longer open, and it must be disposed, never reused.
/// </para>
/// <para>Not thread-safe: the pool gives each send exclusive use of one session.</para>
/// </remarks>
internal sealed class SmtpSession : IAsyncDisposable, IDisposable
{
    private static readonly byte[] StartTlsCommand = "STARTTLS\r\n"u8.ToArray();
    private static readonly byte[] ResetCommand = "RSET\r\n"u8.ToArray();
    private static readonly byte[] NoopCommand = "NOOP\r\n"u8.ToArray();
    private static readonly byte[] QuitCommand = "QUIT\r\n"u8.ToArray();
    private static readonly byte[] CancelCommand = "*\r\n"u8.ToArray();
    private static readonly byte[] EmptyMessage = ".\r\n"u8.ToArray();

    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    private readonly Socket _socket;
    private readonly TimeSpan _operationTimeout;
    private readonly SmtpReplyReader _replies = new();
    private readonly CancellationTokenSource _io = new();
    private Stream _stream;
    private byte[] _commands = ArrayPool<byte>.Shared.Rent(1024);
    private int _commandLength;
    private string _localDomain = "";
    private bool _open = true;
    private bool _disposed;

    public SmtpSession(Socket socket, TimeSpan operationTimeout, long createdAt)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _operationTimeout = operationTimeout;
        LastUsedAt = createdAt;
    }

    public SmtpCapabilities Capabilities { get; private set; } = SmtpCapabilities.None;

    /// <summary>Whether the session can take another command: no failure, no QUIT, not disposed.</summary>
    // A timer that fired after the last operation ended (between its completion and Disarm) leaves the session unusable.
    public bool IsOpen => _open && !_disposed && !_io.IsCancellationRequested;

    /// <summary>When the session was last returned to the pool (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastUsedAt { get; set; }

    /// <summary>Whether this lease reuses a session an earlier send opened.</summary>
    public bool IsReused { get; set; }

    /// <summary>What the current (or last) transaction got from the server: who was accepted or refused, whether DATA began.</summary>
    public SmtpTransaction Transaction { get; } = new();

    /// <summary>TLS from the first byte (port 465).</summary>
    /// <exception cref="SmtpTlsException">The handshake failed.</exception>
    public ValueTask StartImplicitTlsAsync(SslClientAuthenticationOptions tls, CancellationToken cancellationToken) =>
        RunAsync(static (session, tls, token) => session.HandshakeAsync(tls, token), tls, cancellationToken);

    /// <summary>Reads the 220 greeting, then introduces the client with EHLO (HELO when EHLO is refused).</summary>
    public ValueTask GreetAsync(string localDomain, CancellationToken cancellationToken) =>
        RunAsync(static async (session, localDomain, token) =>
        {
            var greeting = await session._replies.ReadAsync(session._stream, keepText: true, session.Arm(token)).ConfigureAwait(false);
            if (greeting.Code != 220)
            {
                throw new SmtpReplyException(SmtpCommand.Greeting, greeting);
            }

            session._localDomain = localDomain;
            await session.HelloAsync(token).ConfigureAwait(false);
        }, localDomain, cancellationToken);

    /// <summary>STARTTLS (RFC 3207), the handshake, and EHLO again: what was learnt in plain text is forgotten.</summary>
    /// <exception cref="SmtpExtensionMissingException">The server did not offer STARTTLS; nothing was sent in plain text after EHLO.</exception>
    /// <exception cref="SmtpTlsException">The handshake failed.</exception>
    public ValueTask StartTlsAsync(SslClientAuthenticationOptions tls, CancellationToken cancellationToken) =>
        RunAsync(static async (session, tls, token) =>
        {
            if (!session.Capabilities.StartTls)
            {
                throw new SmtpExtensionMissingException(SmtpExtension.StartTls, "The server does not offer STARTTLS.");
            }

            var reply = await session.CommandAsync(StartTlsCommand, keepText: true, token).ConfigureAwait(false);
            if (reply.Code != 220)
            {
                throw new SmtpReplyException(SmtpCommand.StartTls, reply);
            }

            // Anything after the 220 and before the handshake was not sent by the server inside TLS: something in between
            // may be injecting replies (the STARTTLS command injection attacks), so the session ends here.
            if (session._replies.HasBufferedData)
            {
                throw new SmtpProtocolViolationException("The server sent data after agreeing to STARTTLS and before the TLS handshake; the session was ended, as that data could be injected by something in between.");
            }

            await session.HandshakeAsync(tls, token).ConfigureAwait(false);
            session.Capabilities = SmtpCapabilities.None;
            await session.HelloAsync(token).ConfigureAwait(false);
        }, tls, cancellationToken);

    /// <summary>One SASL exchange (RFC 4954): AUTH with the initial response when the mechanism has one, then challenges.</summary>
    /// <returns>The server's last reply: 235 when authenticated, else the refusal (504 and 534 mean: try another mechanism).</returns>
    public ValueTask<SmtpReply> AuthenticateAsync(SaslMechanism mechanism, CancellationToken cancellationToken) =>
        RunAsync(static async (session, mechanism, token) =>
        {
            try
            {
                var initial = mechanism.SupportsInitialResponse ? await mechanism.ChallengeAsync(null, token).ConfigureAwait(false) : null;
                var command = initial is null ? $"AUTH {mechanism.MechanismName}\r\n"
                    : $"AUTH {mechanism.MechanismName} {(initial.Length == 0 ? "=" : initial)}\r\n";
                var reply = await session.SecretCommandAsync(command, token).ConfigureAwait(false);
                try
                {
                    while (reply.Code == 334 && !mechanism.IsAuthenticated)
                    {
                        var response = await mechanism.ChallengeAsync(reply.Text, token).ConfigureAwait(false);
                        reply = await session.SecretCommandAsync(response + "\r\n", token).ConfigureAwait(false);
                    }

                    // XOAUTH2 and OAUTHBEARER answer a refused token with a 334 carrying the error; an empty line ends it.
                    if (reply.Code == 334)
                    {
                        reply = await session.SecretCommandAsync("\r\n", token).ConfigureAwait(false);
                    }
                }
                catch (SaslException sasl)
                {
                    // The server's challenge did not verify (a SCRAM signature, say): cancel the exchange (RFC 4954 §4).
                    var cancelled = await session.CommandAsync(CancelCommand, keepText: true, token).ConfigureAwait(false);
                    throw new SmtpReplyException(SmtpCommand.Auth, cancelled, sasl);
                }

                return reply;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(session._commands);
            }
        }, mechanism, cancellationToken);

    /// <summary>
    /// Sends one message: MAIL FROM (with SIZE, SMTPUTF8 and BODY=8BITMIME as offered and needed), RCPT TO per recipient and
    /// DATA, pipelined when the server offers it, then the message after the 354: with 8bit text when the server offers
    /// 8BITMIME (and the writer has some), else in 7 bit.
    /// </summary>
    /// <param name="envelope">The sender and recipients.</param>
    /// <param name="data">The message. It is serialized before MAIL FROM when its exact size must be declared (it might reach
    /// the server's limit), otherwise while the server answers the envelope, so its writing costs no round trip.</param>
    /// <param name="cancellationToken">Cancels the transaction; the session is then closed.</param>
    /// <returns>The server's reply to the end of the data (its text carries the queue id).</returns>
    /// <exception cref="SmtpReplyException">The server refused the sender, the message, or answered DATA with an error.</exception>
    /// <exception cref="AllRecipientsRefusedException">Every recipient was refused; no data was sent.</exception>
    /// <exception cref="MessageWriteException">The message could not be serialized; no data was sent.</exception>
    /// <remarks><see cref="Transaction"/> tells afterwards who was accepted and whether the data had begun (then the server may have the message).</remarks>
    public ValueTask<SmtpReply> SendAsync(SmtpEnvelope envelope, SmtpMessageData data, CancellationToken cancellationToken)
    {
        Transaction.Reset();
        return RunAsync(static (session, state, token) => session.TransactAsync(state.Envelope, state.Data, token), (Envelope: envelope, Data: data), cancellationToken);
    }

    /// <summary>
    /// RSET (RFC 5321 §4.1.1.5) after a transaction the server refused: it forgets sender and recipients, and the session
    /// can carry the next message instead of being replaced.
    /// </summary>
    public ValueTask ResetAsync(CancellationToken cancellationToken) =>
        RunAsync(static async (session, _, token) =>
        {
            var reply = await session.CommandAsync(ResetCommand, keepText: false, token).ConfigureAwait(false);
            if (reply.Code != 250)
            {
                throw new SmtpReplyException(SmtpCommand.Reset, reply);
            }
        }, 0, cancellationToken);

    /// <summary>NOOP: whether the server still answers.</summary>
    public ValueTask NoopAsync(CancellationToken cancellationToken) =>
        RunAsync(static async (session, _, token) =>
        {
            var reply = await session.CommandAsync(NoopCommand, keepText: false, token).ConfigureAwait(false);
            if (reply.Code != 250)
            {
                throw new SmtpReplyException(SmtpCommand.Noop, reply);
            }
        }, 0, cancellationToken);

    /// <summary>QUIT, politely; the session is closed whatever the server answers.</summary>
    public async ValueTask QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(static async (session, _, token) =>
            {
                await session.CommandAsync(QuitCommand, keepText: false, token).ConfigureAwait(false);
            }, 0, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _open = false;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _open = false;
        _stream.Dispose();
        _socket.Dispose();
        _replies.Dispose();
        _io.Dispose();
        ArrayPool<byte>.Shared.Return(_commands, clearArray: true);
        _commands = [];
    }

    // An operation without a result, run as RunAsync below (only for the connect path, NOOP, RSET and QUIT).
    private async ValueTask RunAsync<TState>(Func<SmtpSession, TState, CancellationToken, ValueTask> operation, TState state, CancellationToken cancellationToken) =>
        await RunAsync(
            static async (session, run, token) =>
            {
                await run.Operation(session, run.State, token).ConfigureAwait(false);
                return true;
            },
            (Operation: operation, State: state),
            cancellationToken).ConfigureAwait(false);

    // Runs one operation: the caller's token aborts it, and any failure closes the session (but a clean refusal). An
    // operation that outlived OperationTimeout surfaces as TimeoutException, a cancellation by the caller as
    // OperationCanceledException.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResult> RunAsync<TState, TResult>(Func<SmtpSession, TState, CancellationToken, ValueTask<TResult>> operation, TState state, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        using var abort = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((SmtpSession)s!).Abort(), this) : default;
        try
        {
            return await operation(this, state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _open &= IsCleanRefusal(exception);
            var translated = Translate(exception, cancellationToken);
            if (ReferenceEquals(translated, exception))
            {
                throw;
            }

            throw translated;
        }
        finally
        {
            Disarm();
        }
    }

    // A refusal the server answered in full, all replies read, leaves the session in a known state (RSET makes it clean);
    // 421 means the server is closing it, and anything else (a lost connection, a timeout, unreadable data) leaves it unknown.
    private static bool IsCleanRefusal(Exception exception) =>
        exception is AllRecipientsRefusedException or SmtpReplyException { Command: SmtpCommand.MailFrom or SmtpCommand.Data or SmtpCommand.EndOfData, Code: not SmtpReplyCode.ServiceNotAvailable };

    private Exception Translate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => exception,
        OperationCanceledException or ObjectDisposedException when _io.IsCancellationRequested && !cancellationToken.IsCancellationRequested =>
            new TimeoutException($"The server did not answer within the operation timeout ({_operationTimeout.TotalSeconds:0.###} s).", exception),
        _ => exception,
    };

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_open)
        {
            throw new InvalidOperationException("The SMTP session failed or was closed; it cannot be used again.");
        }
    }

    private void Abort()
    {
        try
        {
            _io.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    // Each read and write gets the operation timeout afresh; between operations (idle in the pool) none runs.
    private CancellationToken Arm(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _io.CancelAfter(_operationTimeout);
        return _io.Token;
    }

    private void Disarm()
    {
        try
        {
            _io.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask HandshakeAsync(SslClientAuthenticationOptions tls, CancellationToken cancellationToken)
    {
        var presented = false;
        var validate = tls.RemoteCertificateValidationCallback;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = tls.TargetHost,
            EnabledSslProtocols = tls.EnabledSslProtocols,
            CertificateRevocationCheckMode = tls.CertificateRevocationCheckMode,
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                presented |= certificate is not null;
                return validate is null ? errors == SslPolicyErrors.None : validate(sender, certificate, chain, errors);
            },
        };
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(options, Arm(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new SmtpTlsException(presented, exception);
        }

        _stream = ssl;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask HelloAsync(CancellationToken cancellationToken)
    {
        var ehlo = await CommandAsync(Encoding.ASCII.GetBytes($"EHLO {_localDomain}\r\n"), keepText: true, cancellationToken).ConfigureAwait(false);
        if (ehlo.Code == 250)
        {
            Capabilities = SmtpCapabilities.Parse(ehlo.Text ?? "");
            return;
        }

        // A server from before RFC 1869: HELO, and no extensions.
        var helo = await CommandAsync(Encoding.ASCII.GetBytes($"HELO {_localDomain}\r\n"), keepText: true, cancellationToken).ConfigureAwait(false);
        if (helo.Code != 250)
        {
            throw new SmtpReplyException(SmtpCommand.Ehlo, ehlo);
        }

        Capabilities = SmtpCapabilities.None;
    }

    // The message is serialized while the server answers the envelope, which is no network operation: the write's timer
    // stops first, or a slow serialization (attachment files) would surface as a timeout of the next read.
    private ValueTask<MessageBuffer> SerializeBetweenOperationsAsync(SmtpMessageData data, bool eightBit, CancellationToken cancellationToken)
    {
        Disarm();
        return data.GetAsync(eightBit, cancellationToken);
    }

    // OperationTimeout bounds each write, as it bounds each read: a large message on a slow uplink goes in slices, each
    // with the timeout afresh, so it fails only when the connection stops moving, not because the whole took long.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteDataAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        const int SliceBytes = 256 * 1024;
        for (var offset = 0; offset < data.Length; offset += SliceBytes)
        {
            var slice = data.Slice(offset, Math.Min(SliceBytes, data.Length - offset));
            await _stream.WriteAsync(slice, Arm(cancellationToken)).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<SmtpReply> CommandAsync(byte[] command, bool keepText, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(command, Arm(cancellationToken)).ConfigureAwait(false);
        return await _replies.ReadAsync(_stream, keepText, Arm(cancellationToken)).ConfigureAwait(false);
    }

    // AUTH lines carry credentials: built in the command buffer, which is wiped when the exchange ends.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<SmtpReply> SecretCommandAsync(string command, CancellationToken cancellationToken)
    {
        _commandLength = 0;
        AppendAscii(command);
        await _stream.WriteAsync(_commands.AsMemory(0, _commandLength), Arm(cancellationToken)).ConfigureAwait(false);
        return await _replies.ReadAsync(_stream, keepText: true, Arm(cancellationToken)).ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<SmtpReply> TransactAsync(SmtpEnvelope envelope, SmtpMessageData data, CancellationToken cancellationToken)
    {
        // RFC 1870: SIZE= lets the server refuse an oversized message before its data. It is declared when the message
        // might reach the server's limit (serialized first, to declare it exactly); one that cannot is left undeclared and
        // serialized while the server answers the envelope.
        var declareSize = Capabilities.Size && Capabilities.MaxSize > 0 && !(data.Writer.MaxSize < Capabilities.MaxSize);

        // RFC 6152: 8bit text only to a server that offers 8BITMIME, and MAIL FROM says so; decided for this session, so a
        // message written for an earlier one is written again rather than sent 8bit to a server that did not offer it.
        var eightBit = data.Writer.HasEightBitBody(Capabilities.EightBitMime);
        var message = declareSize ? await data.GetAsync(eightBit, cancellationToken).ConfigureAwait(false) : null;
        var utf8 = envelope.IsInternational && Capabilities.SmtpUtf8;
        _commandLength = 0;
        AppendMailFrom(envelope.Sender, utf8, message?.MessageLength, eightBit);
        var pipelining = Capabilities.Pipelining;
        if (!pipelining)
        {
            await FlushCommandsAsync(cancellationToken).ConfigureAwait(false);
            message ??= await SerializeBetweenOperationsAsync(data, eightBit, cancellationToken).ConfigureAwait(false);
            var mailFrom = await _replies.ReadAsync(_stream, keepText: false, Arm(cancellationToken)).ConfigureAwait(false);
            if (!mailFrom.IsPositiveCompletion)
            {
                throw new SmtpReplyException(SmtpCommand.MailFrom, mailFrom);
            }
        }

        foreach (var recipient in envelope.Recipients)
        {
            AppendRecipient(recipient, utf8);
            if (!pipelining)
            {
                var reply = await FlushCommandsAndReadAsync(cancellationToken).ConfigureAwait(false);
                ThrowIfClosing(SmtpCommand.RcptTo, reply);
                Record(recipient, reply);
            }
        }

        SmtpReply dataReply;
        if (pipelining)
        {
            // RFC 2920 §3.1: DATA may close a group; every reply is read before anything else is decided.
            Append("DATA\r\n"u8);
            await FlushCommandsAsync(cancellationToken).ConfigureAwait(false);
            message ??= await SerializeBetweenOperationsAsync(data, eightBit, cancellationToken).ConfigureAwait(false);
            var mailFrom = await _replies.ReadAsync(_stream, keepText: false, Arm(cancellationToken)).ConfigureAwait(false);
            ThrowIfClosing(SmtpCommand.MailFrom, mailFrom);
            try
            {
                foreach (var recipient in envelope.Recipients)
                {
                    var reply = await _replies.ReadAsync(_stream, keepText: false, Arm(cancellationToken)).ConfigureAwait(false);
                    ThrowIfClosing(SmtpCommand.RcptTo, reply);
                    Record(recipient, reply);
                }

                dataReply = await _replies.ReadAsync(_stream, keepText: true, Arm(cancellationToken)).ConfigureAwait(false);
            }
            catch (IOException) when (!mailFrom.IsPositiveCompletion)
            {
                // The refusal of the sender is what matters, not that the server then hung up: the connection is gone.
                _open = false;
                throw new SmtpReplyException(SmtpCommand.MailFrom, mailFrom);
            }

            if (!mailFrom.IsPositiveCompletion)
            {
                await EndUnwantedDataAsync(dataReply, cancellationToken).ConfigureAwait(false);
                throw new SmtpReplyException(SmtpCommand.MailFrom, mailFrom);
            }

            if (Transaction.Accepted.Count == 0)
            {
                await EndUnwantedDataAsync(dataReply, cancellationToken).ConfigureAwait(false);
                throw new AllRecipientsRefusedException([.. Transaction.Refused]);
            }
        }
        else
        {
            if (Transaction.Accepted.Count == 0)
            {
                throw new AllRecipientsRefusedException([.. Transaction.Refused]);
            }

            _commandLength = 0;
            Append("DATA\r\n"u8);
            dataReply = await FlushCommandsAndReadAsync(cancellationToken).ConfigureAwait(false);
        }

        if (dataReply.Code != 354)
        {
            throw new SmtpReplyException(SmtpCommand.Data, dataReply);
        }

        // From here on the server may end up with the message whatever happens: never send it again.
        Transaction.DataStarted = true;
        await WriteDataAsync(message!.WrittenMemory, cancellationToken).ConfigureAwait(false);
        var end = await _replies.ReadAsync(_stream, keepText: true, Arm(cancellationToken)).ConfigureAwait(false);
        if (!end.IsPositiveCompletion)
        {
            throw new SmtpReplyException(SmtpCommand.EndOfData, end);
        }

        return end;
    }

    // 421: the server is closing the session (RFC 5321 §3.8); no further reply will come.
    private static void ThrowIfClosing(SmtpCommand command, SmtpReply reply)
    {
        if (reply.Code == SmtpReplyCode.ServiceNotAvailable)
        {
            throw new SmtpReplyException(command, reply);
        }
    }

    // A server that said 354 although nothing can be delivered is waiting for data: an empty message ends the transaction.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask EndUnwantedDataAsync(SmtpReply dataReply, CancellationToken cancellationToken)
    {
        if (dataReply.Code == 354)
        {
            await CommandAsync(EmptyMessage, keepText: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Record(EmailAddress recipient, SmtpReply reply)
    {
        if (reply.IsPositiveCompletion)
        {
            Transaction.Accepted.Add(recipient);
        }
        else
        {
            Transaction.Refused.Add(new SmtpRecipientRefusal(recipient, reply.Code, reply.Text ?? ""));
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<SmtpReply> FlushCommandsAndReadAsync(CancellationToken cancellationToken)
    {
        await FlushCommandsAsync(cancellationToken).ConfigureAwait(false);
        return await _replies.ReadAsync(_stream, keepText: false, Arm(cancellationToken)).ConfigureAwait(false);
    }

    private ValueTask FlushCommandsAsync(CancellationToken cancellationToken)
    {
        var commands = _commands.AsMemory(0, _commandLength);
        _commandLength = 0;
        return _stream.WriteAsync(commands, Arm(cancellationToken));
    }

    private void AppendMailFrom(EmailAddress sender, bool utf8, long? size, bool eightBitBody)
    {
        Append("MAIL FROM:<"u8);
        AppendAddress(sender, utf8);
        Append(">"u8);
        if (size is not null)
        {
            Append(" SIZE="u8);
            Span<byte> digits = stackalloc byte[20];
            System.Buffers.Text.Utf8Formatter.TryFormat(size.Value, digits, out var length);
            Append(digits[..length]);
        }

        if (utf8)
        {
            Append(" SMTPUTF8"u8);
        }

        if (eightBitBody)
        {
            Append(" BODY=8BITMIME"u8);
        }

        Append(CrLf);
    }

    private void AppendRecipient(EmailAddress recipient, bool utf8)
    {
        Append("RCPT TO:<"u8);
        AppendAddress(recipient, utf8);
        Append(">\r\n"u8);
    }

    // Without SMTPUTF8 a domain goes as punycode; a non-ASCII local part never gets here (the transport refuses it first).
    private void AppendAddress(EmailAddress address, bool utf8)
    {
        var text = address.Address;
        if (utf8 || Ascii.IsValid(text))
        {
            AppendUtf8(text);
            return;
        }

        var at = text.LastIndexOf('@');
        AppendUtf8(text.AsSpan(0, at + 1));
        AppendAscii(EmailAddressValidator.ToAsciiDomain(text[(at + 1)..]));
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureCommandRoom(bytes.Length);
        bytes.CopyTo(_commands.AsSpan(_commandLength));
        _commandLength += bytes.Length;
    }

    private void AppendAscii(string text) => AppendUtf8(text);

    private void AppendUtf8(ReadOnlySpan<char> text)
    {
        EnsureCommandRoom(Encoding.UTF8.GetMaxByteCount(text.Length));
        _commandLength += Encoding.UTF8.GetBytes(text, _commands.AsSpan(_commandLength));
    }

    private void EnsureCommandRoom(int length)
    {
        if (_commands.Length - _commandLength >= length)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_commands.Length * 2, _commandLength + length));
        _commands.AsSpan(0, _commandLength).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_commands, clearArray: true);
        _commands = grown;
    }
}
