using Microsoft.Extensions.Time.Testing;
using MoltBot.Channels.RateLimits;
using MoltBot.Configuration;

namespace MoltBot.Tests.Channels.RateLimits;

public sealed class SenderRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Defaults_AllowABurstOfFive_ThenRefuseWithOneFirstInWindow()
    {
        using var limiter = new SenderRateLimiter(new RateLimitConfig(), _time);

        var decisions = Enumerable.Range(0, 8).Select(_ => limiter.TryAcquire("alice")).ToList();

        Assert.All(decisions.Take(5), d => Assert.True(d.Allowed));
        Assert.All(decisions.Skip(5), d => Assert.False(d.Allowed));
        Assert.Equal([true, false, false], decisions.Skip(5).Select(d => d.FirstInWindow).ToArray());
        Assert.Equal(3, decisions[5].RetryAfterSeconds); // 20 a minute: one message back every 3 s
        Assert.Contains("I'll pick up again in 3 seconds", decisions[5].Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void OneMessageComesBackEachPeriod_OnTheInjectedClock()
    {
        using var limiter = new SenderRateLimiter(new RateLimitConfig(), _time);
        Exhaust(limiter, "alice");

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, limiter.TryAcquire("alice").RetryAfterSeconds);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(limiter.TryAcquire("alice").Allowed);
        var again = limiter.TryAcquire("alice");
        Assert.False(again.Allowed);
        Assert.False(again.FirstInWindow); // still the same limited window: no second notice
    }

    [Fact]
    public void OtherSenders_AreNotAffected()
    {
        using var limiter = new SenderRateLimiter(new RateLimitConfig(), _time);
        Exhaust(limiter, "alice");

        Assert.True(limiter.TryAcquire("bob").Allowed);
    }

    [Fact]
    public void FullBucketAgain_EndsTheWindow_AndForgetsTheSender()
    {
        using var limiter = new SenderRateLimiter(new RateLimitConfig(), _time);
        Exhaust(limiter, "alice");

        _time.Advance(TimeSpan.FromSeconds(15)); // five periods: the burst is back

        Assert.Equal(0, limiter.ActiveSenders);
        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(limiter.TryAcquire("alice").Allowed));
        Assert.True(limiter.TryAcquire("alice").FirstInWindow); // a new window: one new notice
    }

    [Fact]
    public void Disabled_NeverRefuses()
    {
        using var limiter = new SenderRateLimiter(new RateLimitConfig { Enabled = false }, _time);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(limiter.TryAcquire("alice").Allowed));
    }

    private static void Exhaust(SenderRateLimiter limiter, string sender)
    {
        while (limiter.TryAcquire(sender).Allowed)
        {
        }
    }
}
