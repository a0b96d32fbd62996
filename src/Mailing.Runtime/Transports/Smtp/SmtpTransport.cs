using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailing.Transports.Smtp;

/// <summary>Delivers messages to an SMTP submission server over a pool of authenticated connections.</summary>
/// <remarks>
/// <para>
/// Safe to call concurrently: each send has exclusive use of one pooled connection, and at most
/// <see cref="SmtpOptions.PoolSize"/> connections are open. A pooled connection idle for more than 2 s is checked
/// with NOOP before reuse, and one the server closed in the meantime is found at MAIL FROM, before any recipient
/// was accepted, and replaced once; so a server-side close costs a reconnect, never a duplicate. Once DATA has
/// begun, a failure is reported with <see cref="MailDeliveryException.MayHaveBeenDelivered"/> set and is not retried.
/// </para>
/// <para>
/// A recipient the server refuses does not stop the message for the others: the refusal is listed in
/// <see cref="SendResult.RejectedRecipients"/>. Only when every recipient is refused does the send fail.
/// </para>
/// <para>
/// Mailing writes the MIME and speaks SMTP itself (MailKit supplies the SASL mechanisms for AUTH): each message is
/// serialized once, dot-stuffed as it is written, and sent with MAIL FROM, every RCPT TO and DATA in one write when the
/// server offers PIPELINING. Opening a connection is traced as <c>Mailing.Smtp.Connect</c>; connection metrics are on the
/// <c>Mailing.Smtp</c> meter (see <see cref="MailingDiagnostics"/>).
/// </para>
/// </remarks>
public sealed partial class SmtpTransport : IEmailTransport, IAsyncDisposable, IDisposable
{
    /// <summary>The name this transport reports when none is given.</summary>
    public const string DefaultName = "smtp";

    private static readonly System.Buffers.SearchValues<char> QueueIdCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-");

    private readonly SmtpOptions _options;
    private readonly SmtpConnectionPool _pool;
    private readonly SmtpFailureClassifier _classifier;
    private readonly SmtpProviderHeaders _providerHeaders;
    private readonly IMimeMessageTransform? _mimeTransform;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a transport; no connection is opened until the first send.</summary>
    /// <param name="options">Where and how to connect. They are copied by reference: do not change them afterwards.</param>
    /// <param name="logger">Connection-level logging; nothing is logged when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for idle expiry and durations; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="name">The name reported in results and failures.</param>
    /// <exception cref="MailDeliveryException">The options are invalid (<see cref="MailFailureKind.Configuration"/>); the message lists every problem and its fix.</exception>
    public SmtpTransport(SmtpOptions options, ILogger<SmtpTransport>? logger = null, TimeProvider? timeProvider = null, string name = DefaultName)
        : this(options, logger, timeProvider, name, mimeTransform: null)
    {
    }

    /// <param name="options">Where and how to connect.</param>
    /// <param name="logger">Connection-level logging.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="name">The name reported in results and failures.</param>
    /// <param name="mimeTransform">
    /// Something that must work on each message as a MimeKit <c>MimeMessage</c> (DKIM signing, S/MIME); the messages then
    /// go through MimeKit's writer. <see langword="null"/>: Mailing's own writer.
    /// </param>
    internal SmtpTransport(SmtpOptions options, ILogger? logger, TimeProvider? timeProvider, string name, IMimeMessageTransform? mimeTransform)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _mimeTransform = mimeTransform;
        _classifier = new SmtpFailureClassifier(name, options.Host, options.Port, options.Provider);

        var errors = SmtpOptionsValidator.Check(options, "Smtp");
        if (errors.Count > 0)
        {
            throw _classifier.InvalidOptions(errors);
        }

        _providerHeaders = SmtpProviderHeaders.For(options);
        _pool = new SmtpConnectionPool(options, new SmtpConnector(options, _classifier, _time, _logger), _time);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Signs each message with DKIM before it is sent; <see langword="null"/> (the default) sends unsigned.</summary>
    /// <remarks>Set from <c>Mailing:Dkim</c> when the transport comes from configuration.</remarks>
    public DkimMessageSigner? Dkim { get => _mimeTransform as DkimMessageSigner; init => _mimeTransform = value; }

    /// <summary>How many SMTP connections this transport has opened so far (each reconnect counts).</summary>
    public int OpenedConnections => _pool.OpenedConnections;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The message has no sender or no recipients, or its tags or metadata do not fit the provider's headers
    /// (see <see cref="EmailMessage.Tags"/>).
    /// </exception>
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = _time.GetTimestamp();
        var envelope = SmtpEnvelope.For(message);
        var messageId = message.MessageId ?? MimeMessageFactory.CreateMessageId(message);

        // Serialized once, by the session, when it first needs the bytes; a reconnect sends the very same bytes.
        var (writer, mime) = CreateWriter(message, messageId);
        using var built = mime;
        using var data = new SmtpMessageData(writer);

        using var sendTimeout = new CancellationTokenSource(_options.SendTimeout, _time);
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sendTimeout.Token) : null;
        var deadline = linked?.Token ?? sendTimeout.Token;

        var stage = SmtpStage.Connect;
        SmtpSession? session = null;
        try
        {
            SmtpReply reply;
            var fresh = false;
            while (true)
            {
                stage = SmtpStage.Connect;
                session = await _pool.RentAsync(deadline, fresh).ConfigureAwait(false);
                if (WhyCannotCarry(session, envelope, writer) is { } unfit)
                {
                    // Nothing has been said about this message: the session stays clean for the next one.
                    _pool.Return(session);
                    session = null;
                    throw unfit;
                }

                stage = SmtpStage.Envelope;
                try
                {
                    reply = await session.SendAsync(envelope, data, deadline).ConfigureAwait(false);
                    break;
                }
                catch (Exception exception) when (!fresh && session.IsReused && session.Transaction.Accepted.Count == 0 && IsClosedSession(exception))
                {
                    // The server closed a pooled session since its last use (or answered 421, closing it). No recipient
                    // was accepted, so nothing can have been delivered: once, on a new connection, cannot duplicate.
                    SmtpLog.ReconnectBeforeMessage(_logger, _options.Host, _options.Port);
                    SmtpTelemetry.Reconnected(_options);
                    _pool.Discard(session);
                    session = null;
                    fresh = true;
                }
            }

            var result = CreateResult(session.Transaction, messageId, reply, _time.GetElapsedTime(started));
            _pool.Return(session);
            session = null;

            if (result.RejectedRecipients.Count > 0)
            {
                SmtpLog.RecipientsRefused(_logger, _options.Host, _options.Port, result.RejectedRecipients.Count, envelope.Recipients.Length, result.MessageId);
            }

            if (Activity.Current is { } activity)
            {
                activity.SetTag("mailing.smtp.accepted_recipients", result.AcceptedRecipients.Count);
                activity.SetTag("mailing.smtp.rejected_recipients", result.RejectedRecipients.Count);
            }

            return result;
        }
        catch (Exception exception) when (session is not null || exception is OperationCanceledException)
        {
            if (session is not null)
            {
                if (session.Transaction.DataStarted)
                {
                    stage = SmtpStage.Data;
                }

                await ResetOrDiscardAsync(session).ConfigureAwait(false);
            }

            if (exception is OperationCanceledException canceled)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw _classifier.SendDeadlineExpired(stage, canceled);
            }

            if (exception is MessageWriteException { InnerException: { } unwritable })
            {
                // As before any connection: an attachment that cannot be read is the caller's problem, not a delivery failure.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(unwritable);
            }

            var failure = _classifier.Classify(exception, stage);
            if (failure is null)
            {
                // Anything the classifier does not recognise is a bug, not a delivery failure: let it surface unchanged.
                throw;
            }

            throw failure;
        }
    }

    /// <summary>Closes pooled connections (with QUIT).</summary>
    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    /// <summary>Closes pooled connections immediately, without QUIT; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => _pool.Dispose();

    // A session the server refused a message on is still good: RSET, and it carries the next one (a bulk run with a few bad
    // addresses does not reconnect for each). One whose state is unknown is closed.
    private async ValueTask ResetOrDiscardAsync(SmtpSession session)
    {
        if (session.IsOpen)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.OperationTimeout);
                await session.ResetAsync(timeout.Token).ConfigureAwait(false);
                _pool.Return(session);
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Reset failed: the session goes, the refusal is still what the caller hears about.
            }
        }

        _pool.Discard(session);
    }

    private (IMessageWriter Writer, IDisposable? Owned) CreateWriter(EmailMessage message, string messageId)
    {
        if (_mimeTransform is null)
        {
            return (new EmailMessageWriter(message, messageId, _time.GetUtcNow(), hideBlindCopies: true, _providerHeaders.HeadersFor(message)), null);
        }

        var mime = MimeMessageFactory.Create(message, _time);
        try
        {
            mime.MessageId = messageId;
            _providerHeaders.Write(message, mime.Headers);
            _mimeTransform.Apply(mime, message);
            return (new MimeMessageWriter(mime, hideBlindCopies: true), mime);
        }
        catch
        {
            mime.Dispose();
            throw;
        }
    }

    // Checked on the session the message would go on, before a word of it is said.
    private MailDeliveryException? WhyCannotCarry(SmtpSession session, SmtpEnvelope envelope, IMessageWriter writer)
    {
        if (envelope.UnicodeLocalPart is { } international && !session.Capabilities.SmtpUtf8)
        {
            // RFC 6531 §3.2: a UTF-8 local part must not be handed to a server without SMTPUTF8.
            return _classifier.SmtpUtf8NotOffered(international.Address);
        }

        return writer.RequiresEightBitMime && !session.Capabilities.EightBitMime
            ? _classifier.Classify(new SmtpExtensionMissingException(SmtpExtension.EightBitMime, "it has 8bit parts and the server does not offer 8BITMIME."), SmtpStage.Envelope)
            : null;
    }

    private SendResult CreateResult(SmtpTransaction transaction, string messageId, SmtpReply reply, TimeSpan duration) => new()
    {
        MessageId = messageId,
        TransportName = Name,
        ProviderMessageId = QueueId(reply.Text ?? ""),
        Duration = duration,
        AcceptedRecipients = [.. transaction.Accepted],
        RejectedRecipients = transaction.Refused.Count == 0 ? [] : transaction.Refused
            .Select(refusal => new RecipientRejection(refusal.Recipient, refusal.StatusCode, SmtpFailureClassifier.EnhancedStatusCode(refusal.Response), refusal.Response))
            .ToArray(),
    };

    private static bool IsClosedSession(Exception exception) =>
        exception is IOException or SmtpReplyException { Code: SmtpReplyCode.ServiceNotAvailable };

    // Postfix and most MTAs: "2.0.0 Ok: queued as 4XyZ12"; Amazon SES: "Ok 0100018c...". The id: a letter or digit, then
    // at least three of letters, digits and ._@- (a hand-written match: a regex allocated its Match on every message).
    private static string? QueueId(string reply)
    {
        var text = reply.AsSpan();
        var start = text;
        if (start.Length >= 5 && start[0] == '2' && start[1] == '.' && char.IsAsciiDigit(start[2]) && start[3] == '.' && char.IsAsciiDigit(start[4]))
        {
            var spaces = CountWhitespace(start[5..]);
            start = spaces > 0 ? start[(5 + spaces)..] : [];
        }

        if (start.StartsWith("Ok", StringComparison.OrdinalIgnoreCase) && IdAfterWhitespace(start[2..]) is { } sesId)
        {
            return sesId;
        }

        for (var at = text.IndexOf("queued as", StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            if (IdAfterWhitespace(text[(at + 9)..]) is { } id)
            {
                return id;
            }

            var next = text[(at + 1)..].IndexOf("queued as", StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return null;

        static string? IdAfterWhitespace(ReadOnlySpan<char> rest)
        {
            var spaces = CountWhitespace(rest);
            if (spaces == 0)
            {
                return null;
            }

            var id = rest[spaces..];
            var length = id.IndexOfAnyExcept(QueueIdCharacters);
            length = length < 0 ? id.Length : length;
            return length >= 4 && char.IsAsciiLetterOrDigit(id[0]) ? id[..length].ToString() : null;
        }

        static int CountWhitespace(ReadOnlySpan<char> text)
        {
            var count = 0;
            while (count < text.Length && char.IsWhiteSpace(text[count]))
            {
                count++;
            }

            return count;
        }
    }
}
