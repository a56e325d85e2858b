using System.Net;
using System.Net.Sockets;

namespace MoltBot.Agent.Tools.Web.Ssrf;

/// <summary>
/// Which addresses a fetched URL may never reach unless the owner allows them: private, loopback, link-local
/// (cloud metadata), CGNAT, "this network", multicast, reserved, and the IPv6 forms that embed any of those.
/// </summary>
internal static class SsrfAddressRules
{
    private static readonly (IPNetwork Network, string What)[] Blocked =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified ('this network') address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a carrier-grade NAT (100.64.0.0/10) address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local/metadata address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved address"),
        (IPNetwork.Parse("192.0.2.0/24"), "a reserved (documentation) address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a reserved (benchmarking) address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a reserved (documentation) address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a reserved (documentation) address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved/broadcast address"),
        (IPNetwork.Parse("::/128"), "an unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("fc00::/7"), "a private (unique-local) address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("fec0::/10"), "a private (site-local) address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
        (IPNetwork.Parse("2001:db8::/32"), "a reserved (documentation) address"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork IPv4Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>Why <paramref name="address"/> is refused (e.g. "a loopback address"), or null when it is a public address.</summary>
    public static string? Classify(IPAddress address)
    {
        var embedded = EmbeddedIPv4(address);
        if (embedded is not null && !embedded.Equals(address))
        {
            return Classify(embedded);
        }
        foreach (var (network, what) in Blocked)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return what;
            }
        }
        return null;
    }

    /// <summary>
    /// The IPv4 address hidden in an IPv6 one (mapped <c>::ffff:a.b.c.d</c>, compatible <c>::a.b.c.d</c>, NAT64
    /// <c>64:ff9b::a.b.c.d</c>, 6to4 <c>2002:AABB:CCDD::</c>); the address itself otherwise.
    /// </summary>
    public static IPAddress Unwrap(IPAddress address) => EmbeddedIPv4(address) ?? address;

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (IPv4Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }
        if (SixToFour.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }
        return null;
    }
}
