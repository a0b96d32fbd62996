using Microsoft.Extensions.Logging;

namespace Mailing.Transports.Http;

/// <summary>The HTTP API transports' log messages: provider, status and ids, never keys or message content.</summary>
internal static partial class HttpApiLog
{
    [LoggerMessage(EventId = 1200, EventName = "HttpApiAccepted", Level = LogLevel.Debug,
        Message = "{Provider} accepted message {MessageId} with HTTP {StatusCode} (provider id {ProviderMessageId})")]
    public static partial void Accepted(ILogger logger, string provider, string messageId, int statusCode, string? providerMessageId);

    [LoggerMessage(EventId = 1201, EventName = "HttpApiRefused", Level = LogLevel.Debug,
        Message = "{Provider} refused message {MessageId} with HTTP {StatusCode}: {FailureKind}")]
    public static partial void Refused(ILogger logger, string provider, string messageId, int statusCode, MailFailureKind failureKind);

    [LoggerMessage(EventId = 1202, EventName = "HttpApiOutcomeUnknown", Level = LogLevel.Warning,
        Message = "The request for message {MessageId} reached {Provider} but no answer came back ({Reason}); it may have been sent and is not resent")]
    public static partial void OutcomeUnknown(ILogger logger, string provider, string messageId, string reason);
}
