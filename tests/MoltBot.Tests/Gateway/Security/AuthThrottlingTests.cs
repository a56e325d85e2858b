using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Audit;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway.Security;

/// <summary>Brute-forcing the gateway token over real HTTP: throttled per address, counted, audited, logged, and forgiven on the fake clock.</summary>
public sealed class AuthThrottlingTests
{
    private static readonly Uri Models = new("/v1/models", UriKind.Relative);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SecuredGateway> StartAsync(int maxFailures = 3, int lockoutSeconds = 60) => SecuredGateway.StartAsync(g => g with
    {
        TrustedProxies = ["127.0.0.1"],
        Auth = g.Auth with { RateLimit = new GatewayAuthRateLimitConfig { MaxFailures = maxFailures, Lockout = TimeSpan.FromSeconds(lockoutSeconds) } },
    });

    [Fact]
    public async Task BruteForce_IsThrottledWithRetryAfter_WithoutCheckingTheToken_AndEveryFailureIsCounted()
    {
        await using var gateway = await StartAsync(maxFailures: 3);
        using var failures = new AuthFailureCounter(gateway.Harness.Services.GetRequiredService<MoltBotMetrics>());
        var guesses = Enumerable.Range(0, 4).Select(i => $"guess-{i}-0123456789abcdefghij").ToList();

        foreach (var guess in guesses)
        {
            using var attacker = gateway.Client(guess);
            using var response = await attacker.GetAsync(Models, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // 3 free failures, the 4th starts a 1 s back-off
        }
        using var owner = gateway.Client(GatewayHarness.Token);
        using var throttled = await owner.GetAsync(Models, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode); // even the right token waits: it is not looked at
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Contains("auth_throttled", await throttled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(4, failures.Total);
        Assert.Equal(4, gateway.Audit.OfType(AuditEventTypes.AuthFailed).Count);
        Assert.All(gateway.Audit.OfType(AuditEventTypes.AuthFailed), e => Assert.Equal("127.0.0.1", e.Address));
        Assert.Equal("back-off 1s", Assert.Single(gateway.Audit.OfType(AuditEventTypes.AuthThrottled)).Detail);
        var output = gateway.Harness.Output;
        Assert.Contains("[security] warn: auth failed from 127.0.0.1 on /v1/models: wrong token", output, StringComparison.Ordinal);
        Assert.Contains("too many failed auth attempts from 127.0.0.1: refusing it for 1s", output, StringComparison.Ordinal);
        Assert.All(guesses, guess => Assert.DoesNotContain(guess, output, StringComparison.Ordinal));
        Assert.All(gateway.Audit.Events, e => Assert.DoesNotContain("guess-", $"{e}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BackOff_DoublesUpToTheLockout_AndExpiresWhenTheClockAdvances()
    {
        await using var gateway = await StartAsync(maxFailures: 2, lockoutSeconds: 10);
        using var attacker = gateway.Client("wrong-token-0123456789abcdefghij");
        using var owner = gateway.Client(GatewayHarness.Token);
        var backOffs = new List<int>();

        for (var i = 0; i < 2; i++)
        {
            using var free = await attacker.GetAsync(Models, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, free.StatusCode);
        }
        for (var i = 0; i < 6; i++)
        {
            using var failed = await attacker.GetAsync(Models, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            using var blocked = await attacker.GetAsync(Models, Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
            var wait = blocked.Headers.RetryAfter!.Delta!.Value;
            backOffs.Add((int)wait.TotalSeconds);
            gateway.Time.Advance(wait - TimeSpan.FromMilliseconds(1));
            using var stillBlocked = await owner.GetAsync(Models, Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, stillBlocked.StatusCode);
            gateway.Time.Advance(TimeSpan.FromMilliseconds(1));
        }
        using var afterLockout = await owner.GetAsync(Models, Ct);

        Assert.Equal([1, 2, 4, 8, 10, 10], backOffs);
        Assert.Equal(HttpStatusCode.OK, afterLockout.StatusCode);
    }

    [Fact]
    public async Task OneThrottledAddress_DoesNotLockOutAnother()
    {
        await using var gateway = await StartAsync(maxFailures: 1);
        using var attacker = gateway.Client("wrong-token-0123456789abcdefghij", forwardedFor: "198.51.100.9");
        using var owner = gateway.Client(GatewayHarness.Token, forwardedFor: "203.0.113.7");

        for (var i = 0; i < 3; i++)
        {
            using var _ = await attacker.GetAsync(Models, Ct);
        }
        using var attackerAgain = await attacker.GetAsync(Models, Ct);
        using var ownerResponse = await owner.GetAsync(Models, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, attackerAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerResponse.StatusCode);
        Assert.All(gateway.Audit.OfType(AuditEventTypes.AuthFailed), e => Assert.Equal("198.51.100.9", e.Address));
    }

    [Fact]
    public async Task Success_IsAuditedOncePerAddressPerHour()
    {
        await using var gateway = await StartAsync();
        using var owner = gateway.Client(GatewayHarness.Token);

        for (var i = 0; i < 5; i++)
        {
            using var _ = await owner.GetAsync(Models, Ct);
        }
        gateway.Time.Advance(TimeSpan.FromMinutes(59));
        using (await owner.GetAsync(Models, Ct))
        {
        }
        gateway.Time.Advance(TimeSpan.FromMinutes(2));
        using (await owner.GetAsync(Models, Ct))
        {
        }

        Assert.Equal(2, gateway.Audit.OfType(AuditEventTypes.AuthSucceeded).Count);
    }

    /// <summary>Listens to this gateway's own <c>moltbot.auth.failures</c> counter (other tests' gateways run in parallel).</summary>
    private sealed class AuthFailureCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public AuthFailureCounter(MoltBotMetrics metrics)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument, metrics.AuthFailures))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
