using System.Diagnostics;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Mailing.Transports.Smtp;

/// <summary>Delivers messages to an SMTP submission server through MailKit, over a pool of authenticated connections.</summary>
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
/// <para>MailKit's own <c>mailkit.net.smtp</c> activities and metrics cover the protocol; enable them with <c>MailKit.Telemetry.SmtpClient.Configure()</c> (AddMailing does).</para>
/// </remarks>
public sealed partial class SmtpTransport : IEmailTransport, IAsyncDisposable, IDisposable
{
    /// <summary>The name this transport reports when none is given.</summary>
    public const string DefaultName = "smtp";

    // MailKit hides Bcc only when it picks the recipients itself; with an explicit envelope it must be told.
    private static readonly FormatOptions HideBlindCopies = CreateFormatOptions();

    private readonly SmtpOptions _options;
    private readonly SmtpConnectionPool _pool;
    private readonly SmtpFailureClassifier _classifier;
    private readonly SmtpProviderHeaders _providerHeaders;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a transport; no connection is opened until the first send.</summary>
    /// <param name="options">Where and how to connect. They are copied by reference: do not change them afterwards.</param>
    /// <param name="logger">Connection-level logging; nothing is logged when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for idle expiry and durations; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="name">The name reported in results and failures.</param>
    /// <exception cref="MailDeliveryException">The options are invalid (<see cref="MailFailureKind.Configuration"/>); the message lists every problem and its fix.</exception>
    public SmtpTransport(SmtpOptions options, ILogger<SmtpTransport>? logger = null, TimeProvider? timeProvider = null, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
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
    public DkimMessageSigner? Dkim { get; init; }

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
        using var mime = MimeMessageFactory.Create(message, _time);
        _providerHeaders.Write(message, mime.Headers);
        Dkim?.Sign(mime);
        var sender = mime.Sender ?? mime.From.Mailboxes.First();
        var recipients = mime.To.Mailboxes.Concat(mime.Cc.Mailboxes).Concat(mime.Bcc.Mailboxes)
            .DistinctBy(mailbox => mailbox.Address, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var sizeBound = MimeSizeBound.Of(mime);

        using var sendTimeout = new CancellationTokenSource(_options.SendTimeout, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sendTimeout.Token);

        var stage = SmtpStage.Connect;
        SmtpConnection? connection = null;
        try
        {
            string reply;
            while (true)
            {
                stage = SmtpStage.Connect;
                connection = await _pool.RentAsync(deadline.Token).ConfigureAwait(false);
                if (NeedsSmtpUtf8(connection.Client, sender, recipients) is { } international)
                {
                    // Nothing has been said about this message yet, so the session is still clean for the next one.
                    _pool.Return(connection);
                    connection = null;
                    throw _classifier.SmtpUtf8NotOffered(international.Address);
                }

                stage = SmtpStage.Envelope;
                connection.Client.BeginMessage(recipients.Length, sizeBound);
                try
                {
                    reply = await connection.Client.SendAsync(HideBlindCopies, mime, sender, recipients, deadline.Token).ConfigureAwait(false);
                    break;
                }
                catch (Exception exception) when (connection.IsReused && !connection.Client.EnvelopeAccepted && IsClosedSession(exception))
                {
                    // The server closed a pooled session since its last use (or answered 421, closing it). No recipient
                    // was accepted, so nothing can have been delivered: one fresh connection cannot duplicate.
                    SmtpLog.ReconnectBeforeMessage(_logger, _options.Host, _options.Port);
                    _pool.Discard(connection);
                    connection = null;
                }
            }

            var client = connection.Client;
            var result = CreateResult(message, mime, reply, client, _time.GetElapsedTime(started));
            _pool.Return(connection);
            connection = null;

            if (result.RejectedRecipients.Count > 0)
            {
                SmtpLog.RecipientsRefused(_logger, _options.Host, _options.Port, result.RejectedRecipients.Count, recipients.Length, result.MessageId);
            }

            Activity.Current?.SetTag("mailing.smtp.accepted_recipients", result.AcceptedRecipients.Count);
            Activity.Current?.SetTag("mailing.smtp.rejected_recipients", result.RejectedRecipients.Count);
            return result;
        }
        catch (Exception exception) when (connection is not null || exception is OperationCanceledException)
        {
            if (connection is not null)
            {
                if (connection.Client.EnvelopeAccepted)
                {
                    stage = SmtpStage.Data;
                }

                _pool.Discard(connection);
            }

            if (exception is OperationCanceledException canceled)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw _classifier.SendDeadlineExpired(stage, canceled);
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

    private SendResult CreateResult(EmailMessage message, MimeMessage mime, string reply, RecipientTrackingSmtpClient client, TimeSpan duration)
    {
        var byAddress = message.AllRecipients
            .DistinctBy(address => address.Address, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(address => address.Address, StringComparer.OrdinalIgnoreCase);
        EmailAddress Original(MailboxAddress mailbox) =>
            byAddress.TryGetValue(mailbox.Address, out var address) ? address : new EmailAddress(mailbox.Address);

        return new SendResult
        {
            MessageId = mime.MessageId ?? "",
            TransportName = Name,
            ProviderMessageId = QueueId(reply),
            Duration = duration,
            AcceptedRecipients = client.Accepted.Select(Original).ToArray(),
            RejectedRecipients = client.Refused
                .Select(refusal => new RecipientRejection(Original(refusal.Mailbox), refusal.StatusCode, EnhancedCode(refusal.Response), refusal.Response))
                .ToArray(),
        };
    }

    private static FormatOptions CreateFormatOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.HiddenHeaders.Add(HeaderId.Bcc);
        options.HiddenHeaders.Add(HeaderId.ResentBcc);
        return options;
    }

    // MailKit sends a UTF-8 local part even to a server that did not offer SMTPUTF8; RFC 6531 §3.2 says not to.
    private static MailboxAddress? NeedsSmtpUtf8(SmtpClient client, MailboxAddress sender, MailboxAddress[] recipients) =>
        client.Capabilities.HasFlag(SmtpCapabilities.UTF8)
            ? null
            : recipients.Prepend(sender).FirstOrDefault(mailbox => !System.Text.Ascii.IsValid(mailbox.LocalPart));

    private static bool IsClosedSession(Exception exception) =>
        exception is IOException or SmtpProtocolException or ServiceNotConnectedException
            or SmtpCommandException { StatusCode: MailKit.Net.Smtp.SmtpStatusCode.ServiceNotAvailable };

    private static string? QueueId(string reply)
    {
        var match = QueuedAs().Match(reply);
        return match.Success ? match.Groups["id"].Value : null;
    }

    private static string? EnhancedCode(string reply)
    {
        var match = EnhancedStatus().Match(reply);
        return match.Success ? match.Value : null;
    }

    // Postfix and most MTAs: "2.0.0 Ok: queued as 4XyZ12"; Amazon SES: "Ok 0100018c...".
    [GeneratedRegex(@"(?:queued as|^(?:2\.\d\.\d\s+)?Ok)\s+(?<id>[A-Za-z0-9][A-Za-z0-9._@-]{3,})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueuedAs();

    [GeneratedRegex(@"^[245]\.[0-9]{1,3}\.[0-9]{1,3}(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedStatus();
}
