namespace Mailing.Queue.Working;

/// <summary>When a message that failed transiently is tried again: exponential backoff with jitter, never sooner than the provider's <c>Retry-After</c>.</summary>
internal static class RetryBackoff
{
    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    /// <param name="baseDelay">The wait after the first attempt.</param>
    /// <param name="maxDelay">The cap of the exponential part.</param>
    /// <param name="retryAfter">What the server asked for, if it did.</param>
    /// <param name="jitter">A number in [0, 1) that spreads retries of many messages over ±20 %.</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? retryAfter, double jitter)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent)));
        backoff = TimeSpan.FromTicks((long)(backoff.Ticks * (0.8 + (0.4 * jitter))));
        return retryAfter is { } asked && asked > backoff ? asked : backoff;
    }
}
