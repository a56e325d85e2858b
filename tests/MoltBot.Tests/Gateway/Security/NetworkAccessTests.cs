using System.Net;
using MoltBot.Security.Audit;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway.Security;

/// <summary><c>gateway.allowedIpRanges</c> and <c>gateway.trustedProxies</c>, attacked over real HTTP. The test client is always 127.0.0.1.</summary>
public sealed class NetworkAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AllowList_ExcludingTheClient_Refuses403_EvenWithTheToken_ButProbesStillAnswer()
    {
        await using var gateway = await SecuredGateway.StartAsync(g => g with { AllowedIpRanges = ["203.0.113.0/24", "2001:db8::/32"] });
        using var client = gateway.Client(GatewayHarness.Token);

        using var models = await client.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);
        using var landing = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, models.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, landing.StatusCode);
        Assert.Equal("Forbidden\n", await models.Content.ReadAsStringAsync(Ct));
        Assert.Equal("""{"ok":true,"status":"live"}""", await client.GetStringAsync(new Uri("/health", UriKind.Relative), Ct));
        Assert.Equal("""{"ok":true,"status":"ready"}""", await client.GetStringAsync(new Uri("/ready", UriKind.Relative), Ct));
        var denied = Assert.Single(gateway.Audit.OfType(AuditEventTypes.IpDenied)); // two refusals, one record an hour
        Assert.Equal("127.0.0.1", denied.Address);
        Assert.Empty(gateway.Audit.OfType(AuditEventTypes.AuthSucceeded)); // refused before authentication ran
        Assert.Contains("refused 127.0.0.1 on /v1/models: not in gateway.allowedIpRanges", gateway.Harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowList_IncludingTheClient_LetsItThrough()
    {
        await using var gateway = await SecuredGateway.StartAsync(g => g with { AllowedIpRanges = ["10.0.0.0/8", "127.0.0.1"] });
        using var client = gateway.Client(GatewayHarness.Token);

        using var models = await client.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
    }

    [Fact]
    public async Task SpoofedForwardedFor_FromAnUntrustedPeer_IsIgnored()
    {
        // The attacker (127.0.0.1, not a trusted proxy) claims to be an allowed address.
        await using var gateway = await SecuredGateway.StartAsync(g => g with { AllowedIpRanges = ["203.0.113.0/24"], TrustedProxies = ["10.0.0.0/8"] });
        using var client = gateway.Client(GatewayHarness.Token, forwardedFor: "203.0.113.7");

        using var models = await client.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, models.StatusCode);
        Assert.Equal("127.0.0.1", Assert.Single(gateway.Audit.OfType(AuditEventTypes.IpDenied)).Address);
    }

    [Fact]
    public async Task ForwardedFor_FromATrustedProxy_DecidesOnTheForwardedAddress()
    {
        await using var gateway = await SecuredGateway.StartAsync(g => g with { AllowedIpRanges = ["203.0.113.0/24"], TrustedProxies = ["127.0.0.1/32"] });
        using var allowed = gateway.Client(GatewayHarness.Token, forwardedFor: "203.0.113.7");
        using var refused = gateway.Client(GatewayHarness.Token, forwardedFor: "198.51.100.9");
        // The client wrote the left entry itself; the proxy appended the address it really saw: the right one counts.
        using var spoofedChain = gateway.Client(GatewayHarness.Token, forwardedFor: "203.0.113.7, 198.51.100.9");

        using var allowedResponse = await allowed.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);
        using var refusedResponse = await refused.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);
        using var chainResponse = await spoofedChain.GetAsync(new Uri("/v1/models", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chainResponse.StatusCode);
        Assert.Equal("203.0.113.7", Assert.Single(gateway.Audit.OfType(AuditEventTypes.AuthSucceeded)).Address);
        Assert.Equal("198.51.100.9", Assert.Single(gateway.Audit.OfType(AuditEventTypes.IpDenied)).Address);
    }
}
