using Mailing.Queue.Working;

namespace Mailing.Queue.Tests;

/// <summary>When a transient failure is tried again (docs/queue.md, "Retries").</summary>
public sealed class RetryBackoffTests
{
    private static readonly double[] Jitters = [0, 0.5, 0.999_999];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(30)]
    public void RetryAfter_LongerThanTheBackoff_IsNeverCutShort(int attempt)
    {
        var retryAfter = TimeSpan.FromSeconds(5);

        foreach (var jitter in Jitters)
        {
            var delay = RetryBackoff.Delay(attempt, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), retryAfter, jitter);

            Assert.True(delay >= retryAfter, $"attempt {attempt}, jitter {jitter}: {delay} is sooner than Retry-After {retryAfter}");
        }
    }

    [Fact]
    public void WithoutRetryAfter_TheDelayDoublesWithinTwentyPercent_UpToTheCap()
    {
        var baseDelay = TimeSpan.FromSeconds(5);
        var maxDelay = TimeSpan.FromMinutes(15);

        var previous = TimeSpan.Zero;
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var nominal = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, baseDelay.Ticks << (attempt - 1)));
            var delays = Jitters.Select(jitter => RetryBackoff.Delay(attempt, baseDelay, maxDelay, retryAfter: null, jitter)).ToList();

            Assert.All(delays, delay => Assert.InRange(delay, nominal * 0.8, nominal * 1.2));
            Assert.Equal(nominal, delays[1]);
            Assert.True(delays[1] > previous || nominal == maxDelay, $"attempt {attempt}: {delays[1]} did not grow from the attempt before ({previous})");
            previous = delays[1];
        }

        Assert.Equal(maxDelay, previous);
    }

    [Fact]
    public void RetryAfter_ShorterThanTheBackoff_LeavesTheBackoff()
    {
        var delay = RetryBackoff.Delay(3, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1), jitter: 0.5);

        Assert.Equal(TimeSpan.FromSeconds(20), delay);
    }
}
