using System.Net;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Configuration;
using MoltBot.Gateway.Security;

namespace MoltBot.Tests.Gateway.Security;

public sealed class AuthFailureThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Failures_WithinTheWindow_AreFree_ThenBackOffStarts()
    {
        var throttle = new AuthFailureThrottle(new GatewayAuthRateLimitConfig { MaxFailures = 5 }, _time);
        var attacker = IPAddress.Parse("198.51.100.9");

        var backOffs = Enumerable.Range(0, 6).Select(_ => throttle.RecordFailure(attacker)).ToList();

        Assert.All(backOffs.Take(5), Assert.Null);
        Assert.Equal(TimeSpan.FromSeconds(1), backOffs[5]);
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter(attacker));
        Assert.Null(throttle.RetryAfter(IPAddress.Parse("203.0.113.7")));
    }

    [Fact]
    public void FailuresSpreadOverWindows_StayFree()
    {
        var throttle = new AuthFailureThrottle(new GatewayAuthRateLimitConfig { MaxFailures = 2, Window = TimeSpan.FromMinutes(1) }, _time);
        var typo = IPAddress.Parse("203.0.113.7");

        for (var i = 0; i < 10; i++)
        {
            Assert.Null(throttle.RecordFailure(typo));
            _time.Advance(TimeSpan.FromSeconds(31));
        }
    }

    [Fact]
    public void QuietForTheLockoutAfterTheBackOff_StartsOver()
    {
        var throttle = new AuthFailureThrottle(new GatewayAuthRateLimitConfig { MaxFailures = 1, Lockout = TimeSpan.FromSeconds(30) }, _time);
        var client = IPAddress.Parse("203.0.113.7");
        throttle.RecordFailure(client);
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RecordFailure(client));

        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Null(throttle.RecordFailure(client));
    }

    [Fact]
    public void Ipv6Addresses_InOneSlash64_ShareOneBudget()
    {
        var throttle = new AuthFailureThrottle(new GatewayAuthRateLimitConfig { MaxFailures = 1 }, _time);

        throttle.RecordFailure(IPAddress.Parse("2001:db8:1:2::1"));
        var second = throttle.RecordFailure(IPAddress.Parse("2001:db8:1:2:ffff::2"));

        Assert.Equal(TimeSpan.FromSeconds(1), second);
        Assert.Null(throttle.RetryAfter(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void ManyAttackingAddresses_DoNotGrowMemoryBeyondTheCapacity()
    {
        var throttle = new AuthFailureThrottle(new GatewayAuthRateLimitConfig(), _time, capacity: 1_000);

        for (var i = 0; i < 50_000; i++)
        {
            throttle.RecordFailure(new IPAddress(BitConverter.GetBytes(0x0A000000 + i)));
        }

        Assert.InRange(throttle.TrackedAddresses, 1, 1_000);
    }

    [Fact]
    public void AtCapacity_QuietAddressesGoFirst_AndABlockedAttackerStaysBlocked()
    {
        var throttle = new AuthFailureThrottle(new GatewayAuthRateLimitConfig { MaxFailures = 1 }, _time, capacity: 100);
        for (var i = 0; i < 99; i++)
        {
            throttle.RecordFailure(new IPAddress(BitConverter.GetBytes(0x0A000000 + i)));
        }
        _time.Advance(TimeSpan.FromMinutes(10)); // all of those are now quiet
        var attacker = IPAddress.Parse("198.51.100.9");
        throttle.RecordFailure(attacker);
        throttle.RecordFailure(attacker);

        for (var i = 0; i < 50; i++)
        {
            throttle.RecordFailure(new IPAddress(BitConverter.GetBytes(0x0B000000 + i)));
        }

        Assert.NotNull(throttle.RetryAfter(attacker));
        Assert.InRange(throttle.TrackedAddresses, 51, 100);
    }
}
