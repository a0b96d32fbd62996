using Microsoft.Extensions.Logging;

namespace Mailing.Observability;

/// <summary>
/// Mailing's log messages. They carry ids, counts, transport and template names, never bodies,
/// addresses' display names or credentials.
/// </summary>
internal static partial class MailingLog
{
    [LoggerMessage(EventId = 1000, EventName = "MessageSent", Level = LogLevel.Information,
        Message = "Sent message {MessageId} ({Template}) to {RecipientCount} recipient(s) through {Transport} in {DurationMs:0.0} ms ({Attempts} attempt(s))")]
    public static partial void MessageSent(ILogger logger, string messageId, string template, int recipientCount, string transport, double durationMs, int attempts);

    [LoggerMessage(EventId = 1001, EventName = "RecipientsRejected", Level = LogLevel.Warning,
        Message = "Message {MessageId} was accepted by {Transport} but {RejectedCount} recipient(s) were refused")]
    public static partial void RecipientsRejected(ILogger logger, string messageId, string transport, int rejectedCount);

    [LoggerMessage(EventId = 1002, EventName = "SendFailed", Level = LogLevel.Error,
        Message = "Message {MessageId} ({Template}) could not be sent through {Transport}: {FailureKind}, transient: {IsTransient}, after {Attempts} attempt(s)")]
    public static partial void SendFailed(ILogger logger, Exception exception, string messageId, string template, string transport, MailFailureKind failureKind, bool isTransient, int attempts);

    [LoggerMessage(EventId = 1003, EventName = "SendCanceled", Level = LogLevel.Information,
        Message = "Sending message {MessageId} through {Transport} was canceled")]
    public static partial void SendCanceled(ILogger logger, string messageId, string transport);

    [LoggerMessage(EventId = 1004, EventName = "SendVetoed", Level = LogLevel.Information,
        Message = "Message {MessageId} ({Template}) was not sent: {Reason}")]
    public static partial void SendVetoed(ILogger logger, string messageId, string template, string reason);

    [LoggerMessage(EventId = 1005, EventName = "ObserverFailed", Level = LogLevel.Warning,
        Message = "The mail observer {Observer} threw; the send's outcome is unchanged")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer);

    [LoggerMessage(EventId = 1010, EventName = "PickupFileWritten", Level = LogLevel.Debug,
        Message = "Wrote message {MessageId} to the pickup directory as {FileName}")]
    public static partial void PickupFileWritten(ILogger logger, string messageId, string fileName);
}
