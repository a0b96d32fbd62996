using Microsoft.Extensions.Time.Testing;

namespace Mailing.AspNetCore.Tests;

/// <summary>The memory of used unsubscribe links and accepted webhook signatures: claims, expiry, release and the capacity.</summary>
public sealed class ReplayGuardTests
{
    [Fact]
    public void ClaimedKey_IsRefusedUntilItExpires_ThenClaimedAfresh()
    {
        var time = new FakeTimeProvider();
        var guard = new ReplayGuard(time, TimeSpan.FromMinutes(10));

        var first = guard.TryClaim("a");
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var repeat = guard.TryClaim("a");
        time.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = guard.TryClaim("a");
        var repeatAfterThat = guard.TryClaim("a");

        Assert.Equal([true, false, true, false], new[] { first, repeat, afterExpiry, repeatAfterThat });
    }

    [Fact]
    public void ReleasedClaim_CanBeClaimedAgain()
    {
        var guard = new ReplayGuard(new FakeTimeProvider(), TimeSpan.FromDays(1));
        guard.TryClaim("a");

        guard.Release("a");

        Assert.True(guard.TryClaim("a"));
    }

    [Fact]
    public void CapacityFullOfFreshClaims_ForgetsTheOldestHalf()
    {
        var time = new FakeTimeProvider();
        var guard = new ReplayGuard(time, TimeSpan.FromDays(1), capacity: 4);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            guard.TryClaim(key);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var fifth = guard.TryClaim("e");
        var c = guard.TryClaim("c");
        var a = guard.TryClaim("a");

        Assert.True(fifth);
        Assert.False(c);
        Assert.True(a);
    }
}
