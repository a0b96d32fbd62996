using Microsoft.Extensions.Logging;

namespace Mailing.Transports.Smtp;

/// <summary>The SMTP transport's connection-level log messages: endpoints and counts, never credentials or content.</summary>
internal static partial class SmtpLog
{
    [LoggerMessage(EventId = 1100, EventName = "SmtpConnected", Level = LogLevel.Debug,
        Message = "Opened SMTP connection {ConnectionNumber} to {Host}:{Port} ({Security})")]
    public static partial void Connected(ILogger logger, int connectionNumber, string host, int port, SmtpSecurity security);

    [LoggerMessage(EventId = 1101, EventName = "SmtpReconnectBeforeMessage", Level = LogLevel.Information,
        Message = "A pooled SMTP connection to {Host}:{Port} was closed by the server before MAIL FROM; sending on a new connection (nothing had been sent)")]
    public static partial void ReconnectBeforeMessage(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 1103, EventName = "SmtpFallbackPort", Level = LogLevel.Warning,
        Message = "Could not connect to {Host}:{Port} ({Reason}); trying the fallback port {FallbackPort}")]
    public static partial void FallingBackToPort(ILogger logger, string host, int port, int fallbackPort, string reason);

    [LoggerMessage(EventId = 1102, EventName = "SmtpRecipientsRefused", Level = LogLevel.Warning,
        Message = "{Host}:{Port} refused {RefusedCount} of {RecipientCount} recipient(s) of message {MessageId}; sent to the others")]
    public static partial void RecipientsRefused(ILogger logger, string host, int port, int refusedCount, int recipientCount, string messageId);
}
