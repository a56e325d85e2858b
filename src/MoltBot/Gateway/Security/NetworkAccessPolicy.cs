using MoltBot.Configuration;

namespace MoltBot.Gateway.Security;

/// <summary><c>gateway.allowedIpRanges</c> and <c>gateway.trustedProxies</c>, parsed once at start-up.</summary>
internal sealed record NetworkAccessPolicy(IpRangeList AllowedRanges, IpRangeList TrustedProxies)
{
    public static NetworkAccessPolicy From(GatewayConfig gateway) => new(
        IpRangeList.Parse(gateway.AllowedIpRanges, "gateway.allowedIpRanges"),
        IpRangeList.Parse(gateway.TrustedProxies, "gateway.trustedProxies"));
}
