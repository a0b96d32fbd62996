using Microsoft.Extensions.Logging;

namespace Mailing.Queue.Observability;

/// <summary>The queue's log messages: ids, counts and names, never addresses, bodies or connection strings.</summary>
internal static partial class MailQueueLog
{
    [LoggerMessage(EventId = 1800, EventName = "QueuedMailSent", Level = LogLevel.Debug,
        Message = "Queued message {QueueId} ({MessageId}) sent through {Transport} on attempt {Attempt}")]
    public static partial void Sent(ILogger logger, Guid queueId, string messageId, string transport, int attempt);

    [LoggerMessage(EventId = 1801, EventName = "QueuedMailAlreadySent", Level = LogLevel.Information,
        Message = "Queued message {QueueId} ({MessageId}) was already sent at {SentAt:O}; this delivery sends nothing")]
    public static partial void AlreadySent(ILogger logger, Guid queueId, string messageId, DateTimeOffset sentAt);

    [LoggerMessage(EventId = 1802, EventName = "QueuedMailRetryScheduled", Level = LogLevel.Warning,
        Message = "Queued message {QueueId} ({MessageId}) failed on attempt {Attempt} of {MaxAttempts} ({FailureKind}); next attempt at {NextAttempt:O}")]
    public static partial void RetryScheduled(ILogger logger, Guid queueId, string messageId, int attempt, int maxAttempts, string failureKind, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 1803, EventName = "QueuedMailDeadLettered", Level = LogLevel.Error,
        Message = "Queued message {QueueId} ({MessageId}) moved to the dead letters after {Attempt} attempt(s): {Reason}")]
    public static partial void DeadLettered(ILogger logger, Guid queueId, string messageId, int attempt, string reason);

    [LoggerMessage(EventId = 1804, EventName = "QueuedMailSentTwice", Level = LogLevel.Warning,
        Message = "Queued message {QueueId} ({MessageId}) was accepted, but another delivery of idempotency key had already recorded it: the recipient may get it twice")]
    public static partial void SentTwice(ILogger logger, Guid queueId, string messageId);

    [LoggerMessage(EventId = 1805, EventName = "QueuedMailVetoed", Level = LogLevel.Information,
        Message = "Queued message {QueueId} ({MessageId}) was stopped by an interceptor: {Reason}")]
    public static partial void Vetoed(ILogger logger, Guid queueId, string messageId, string reason);

    [LoggerMessage(EventId = 1806, EventName = "QueuedMailRecordFailed", Level = LogLevel.Warning,
        Message = "Queued message {QueueId} ({MessageId}) was sent, but recording it failed (try {Try}); retrying the record")]
    public static partial void RecordFailed(ILogger logger, Exception exception, Guid queueId, string messageId, int @try);

    [LoggerMessage(EventId = 1807, EventName = "QueueMeasureFailed", Level = LogLevel.Warning,
        Message = "Measuring the mail queue failed; metrics keep their last values")]
    public static partial void MeasureFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1808, EventName = "QueueReleasedMailRecovered", Level = LogLevel.Information,
        Message = "Took back {Count} queued message(s) released from a worker that stopped or died")]
    public static partial void ReleasedRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 1809, EventName = "QueueRecoveryFailed", Level = LogLevel.Warning,
        Message = "Looking for queued messages released from a stopped worker failed; trying again at the next sweep")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception);
}
