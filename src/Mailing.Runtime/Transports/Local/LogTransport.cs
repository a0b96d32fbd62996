using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailing.Transports.Local;

/// <summary>
/// Writes each message to the log instead of sending it (Laravel's <c>log</c> mailer): the envelope, subject and
/// text part at <see cref="LogLevel.Information"/>, the whole MIME at <see cref="LogLevel.Debug"/>. Nothing leaves
/// the process. Configured as <c>log://default</c>.
/// </summary>
/// <remarks>
/// For staging and for trying the library before any account exists. Unlike every other part of Mailing, this
/// transport logs message content by design: do not point it at a log store that must not hold personal data.
/// The MIME is built exactly as for SMTP, so a message SMTP would refuse to build fails here too.
/// </remarks>
public sealed partial class LogTransport : IEmailTransport
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a transport that logs to <paramref name="logger"/>.</summary>
    /// <param name="logger">Where messages go; with <see langword="null"/> they go nowhere.</param>
    /// <param name="timeProvider">The clock for Date headers; the system clock when <see langword="null"/>.</param>
    /// <param name="name">The name reported in <see cref="SendResult.TransportName"/>.</param>
    public LogTransport(ILogger<LogTransport>? logger = null, TimeProvider? timeProvider = null, string name = "log")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (message.MessageId is null)
        {
            message = message with { MessageId = MimeMessageFactory.CreateMessageId(message) };
        }

        var started = _timeProvider.GetTimestamp();
        using var mime = MimeMessageFactory.Create(message, _timeProvider);
        Logged(_logger, message.MessageId!, mime.From.ToString(), string.Join(", ", message.AllRecipients), message.Subject, mime.TextBody ?? "");
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var writer = new MimeMessageWriter(mime, hideBlindCopies: true);
            using var buffer = new MessageBuffer(writer.SizeHint, dotStuffing: false);
            await writer.WriteAsync(buffer, eightBitMime: false, cancellationToken).ConfigureAwait(false);
            LoggedMime(_logger, message.MessageId!, Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
        }

        return new SendResult
        {
            MessageId = message.MessageId!,
            TransportName = Name,
            Duration = _timeProvider.GetElapsedTime(started),
            AcceptedRecipients = message.AllRecipients.ToArray(),
        };
    }

    [LoggerMessage(EventId = 1020, EventName = "MessageLogged", Level = LogLevel.Information,
        Message = "Message {MessageId} was logged, not sent. From: {From}; To: {Recipients}; Subject: {Subject}\n{Text}")]
    private static partial void Logged(ILogger logger, string messageId, string from, string recipients, string subject, string text);

    [LoggerMessage(EventId = 1021, EventName = "MessageMimeLogged", Level = LogLevel.Debug,
        Message = "MIME of message {MessageId}:\n{Mime}")]
    private static partial void LoggedMime(ILogger logger, string messageId, string mime);
}
