using System.Net;
using MoltBot.Gateway.Security;

namespace MoltBot.Tests.Gateway.Security;

public sealed class ClientAddressResolverTests
{
    private static readonly IpRangeList Proxies = IpRangeList.Parse(["10.0.0.0/8", "100.64.0.0/10"], "gateway.trustedProxies");

    [Theory]
    [InlineData("198.51.100.1", "203.0.113.7", "198.51.100.1")] // untrusted peer: its header is ignored
    [InlineData("10.0.0.5", null, "10.0.0.5")] // trusted peer without a header is the client itself
    [InlineData("10.0.0.5", "203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:100.100.0.52", "203.0.113.7", "203.0.113.7")] // an ACA ingress peer as a dual-stack socket reports it
    [InlineData("10.0.0.5", "1.1.1.1, 203.0.113.7", "203.0.113.7")] // the left entry came from the client
    [InlineData("10.0.0.5", "203.0.113.7, 10.0.0.9", "203.0.113.7")] // two trusted hops
    [InlineData("10.0.0.5", "10.0.0.8, 10.0.0.9", "10.0.0.8")] // all proxies: the left-most is as far as we can see
    [InlineData("10.0.0.5", "203.0.113.7:51234", "203.0.113.7")]
    [InlineData("10.0.0.5", "[2001:db8::7]:443", "2001:db8::7")]
    [InlineData("10.0.0.5", "203.0.113.7, garbage", "10.0.0.5")] // garbage from a trusted hop: stop at the proxy
    public void Resolve_BelievesOnlyTrustedHops(string peer, string? forwardedFor, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), ClientAddressResolver.Resolve(IPAddress.Parse(peer), forwardedFor, Proxies));

    [Fact]
    public void Resolve_NoTrustedProxies_IsAlwaysThePeer() =>
        Assert.Equal(IPAddress.Parse("10.0.0.5"), ClientAddressResolver.Resolve(IPAddress.Parse("10.0.0.5"), "203.0.113.7", IpRangeList.Empty));
}
