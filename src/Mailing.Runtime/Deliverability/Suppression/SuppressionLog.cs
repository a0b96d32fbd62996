using Microsoft.Extensions.Logging;

namespace Mailing;

/// <summary>The suppression list's log messages: counts and ids, never addresses.</summary>
internal static partial class SuppressionLog
{
    [LoggerMessage(EventId = 1400, EventName = "RecipientsWithheld", Level = LogLevel.Information,
        Message = "Message {MessageId}: {Count} recipient(s) withheld because they are on the suppression list")]
    public static partial void RecipientsWithheld(ILogger logger, string messageId, int count);

    [LoggerMessage(EventId = 1401, EventName = "AddressSuppressed", Level = LogLevel.Information,
        Message = "A {Provider} {EventType} event ({EventId}) put its recipient on the suppression list as {Reason}")]
    public static partial void AddressSuppressed(ILogger logger, string provider, string eventType, string eventId, SuppressionReason reason);

    [LoggerMessage(EventId = 1402, EventName = "UnusableRecipient", Level = LogLevel.Warning,
        Message = "A {Provider} {EventType} event ({EventId}) names no usable recipient address, so nothing was added to the suppression list")]
    public static partial void UnusableRecipient(ILogger logger, string provider, string eventType, string eventId);
}
