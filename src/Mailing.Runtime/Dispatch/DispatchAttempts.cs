using System.Globalization;

namespace Mailing.Dispatch;

/// <summary>
/// What happened to one message inside a dispatcher, across rounds: each failed attempt, the transports found paused,
/// and the failure to report when nothing more will be tried.
/// </summary>
internal sealed class DispatchAttempts(string dispatcherName, string messageId, long startedTimestamp)
{
    // Enough to explain what happened in the exception's text; every failure stays in AttemptFailures.
    private const int FailuresNamedInMessage = 6;

    private readonly List<MailDeliveryException> _failures = [];
    private TimeSpan? _pausedFor;

    public long StartedTimestamp { get; } = startedTimestamp;

    public string MessageId { get; } = messageId;

    /// <summary>How many sends were tried and failed, counting those inside nested dispatchers.</summary>
    public int FailedCount { get; private set; }

    public int Round { get; set; } = 1;

    public void Failed(MailDeliveryException failure)
    {
        FailedCount += failure.Attempts;
        if (failure.AttemptFailures.Count > 0)
        {
            _failures.AddRange(failure.AttemptFailures);
        }
        else
        {
            _failures.Add(failure);
        }
    }

    public void Paused(TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait && (_pausedFor is null || wait < _pausedFor))
        {
            _pausedFor = wait;
        }
    }

    /// <summary>The result of the attempt that succeeded, counting the failed attempts before it.</summary>
    public SendResult Succeeded(SendResult result) =>
        FailedCount == 0 ? result : result with { Attempts = FailedCount + result.Attempts };

    /// <summary><paramref name="failure"/> as the end of the send: nothing else will be tried.</summary>
    public MailDeliveryException Final(MailDeliveryException failure) =>
        FailedCount == failure.Attempts && failure.AttemptFailures.Count == 0 ? failure : failure.AsLastOf(FailedCount, _failures.ToArray());

    /// <summary>The failure of a round in which no transport accepted the message; transient when any failure was.</summary>
    public MailDeliveryException RoundFailed()
    {
        if (_failures.Count == 0)
        {
            return new MailDeliveryException(
                MailFailureKind.Transient,
                $"Every transport of {dispatcherName} is paused after repeated failures; message {MessageId} was not sent.",
                "Paused transports are probed again after the dispatcher's BreakDuration; see the earlier failures in the log for their cause.")
            {
                TransportName = dispatcherName,
                RetryAfter = _pausedFor,
                Attempts = 0,
            };
        }

        var representative = _failures.LastOrDefault(f => f.IsTransient) ?? _failures[^1];
        if (_failures.Count == 1)
        {
            return representative;
        }

        var listed = _failures.Skip(Math.Max(0, _failures.Count - FailuresNamedInMessage))
            .Select(f => $"{f.TransportName ?? "?"}: {f.Description}");
        var omitted = _failures.Count > FailuresNamedInMessage
            ? $"(and {(_failures.Count - FailuresNamedInMessage).ToString(CultureInfo.InvariantCulture)} earlier) "
            : "";
        return new MailDeliveryException(
            representative.Kind,
            $"No transport of {dispatcherName} accepted message {MessageId} after {FailedCount.ToString(CultureInfo.InvariantCulture)} attempt(s): {omitted}{string.Join(" | ", listed)}",
            representative.Hint,
            representative)
        {
            TransportName = representative.TransportName,
            StatusCode = representative.StatusCode,
            EnhancedStatusCode = representative.EnhancedStatusCode,
            ServerResponse = representative.ServerResponse,
            MayHaveBeenDelivered = _failures.Any(f => f.MayHaveBeenDelivered),
            RetryAfter = _failures.Where(f => f.RetryAfter is not null).Select(f => f.RetryAfter).DefaultIfEmpty(_pausedFor).Min(),
            Attempts = FailedCount,
            AttemptFailures = _failures.ToArray(),
        };
    }
}
