using Microsoft.Extensions.Logging;

namespace Mailing.Dispatch;

/// <summary>The dispatcher's log messages: transports, kinds, counts and delays, never message content or credentials.</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 1300, EventName = "DispatchFailover", Level = LogLevel.Warning,
        Message = "Message {MessageId} failed through {Transport} ({FailureKind}); trying the next transport")]
    public static partial void FailingOver(ILogger logger, string messageId, string transport, MailFailureKind failureKind);

    [LoggerMessage(EventId = 1301, EventName = "DispatchRetry", Level = LogLevel.Warning,
        Message = "No transport accepted message {MessageId} in round {Round} ({FailureKind}); trying again in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string messageId, int round, MailFailureKind failureKind, double delayMs);

    [LoggerMessage(EventId = 1302, EventName = "DispatchUnknownOutcome", Level = LogLevel.Warning,
        Message = "Message {MessageId} may have been delivered by {Transport} before it failed; it is not sent again")]
    public static partial void NotResent(ILogger logger, string messageId, string transport);

    [LoggerMessage(EventId = 1303, EventName = "DispatchTransportPaused", Level = LogLevel.Warning,
        Message = "Transport {Transport} keeps failing; it is skipped for {BreakSeconds:0.#} s, then probed again")]
    public static partial void TransportPaused(ILogger logger, string transport, double breakSeconds);

    [LoggerMessage(EventId = 1304, EventName = "DispatchTransportResumed", Level = LogLevel.Information,
        Message = "Transport {Transport} is healthy again")]
    public static partial void TransportResumed(ILogger logger, string transport);

    [LoggerMessage(EventId = 1305, EventName = "DispatchServerless", Level = LogLevel.Information,
        Message = "Running on {Platform}: {Dispatcher} prefers its HTTP API transports over SMTP")]
    public static partial void PreferringHttpApis(ILogger logger, string platform, string dispatcher);
}
