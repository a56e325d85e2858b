using System.Net;
using Microsoft.Extensions.Primitives;

namespace MoltBot.Gateway.Security;

/// <summary>
/// Who the client is. The direct peer, unless the peer is a trusted proxy: then <c>X-Forwarded-For</c> is read right to
/// left (each proxy appends the address it saw) and the first address that is not itself a trusted proxy is the client.
/// Anything left of that was written by the client and could be spoofed, so it is never read.
/// </summary>
internal static class ClientAddressResolver
{
    /// <summary>More hops than any real proxy chain; bounds the work an untrusted header can cause.</summary>
    private const int MaxHops = 16;

    public static IPAddress? Resolve(IPAddress? peer, StringValues forwardedFor, IpRangeList trustedProxies)
    {
        if (peer is null)
        {
            return null;
        }
        var current = IpRangeList.Normalize(peer);
        if (trustedProxies.IsEmpty || forwardedFor.Count == 0 || !trustedProxies.Contains(current))
        {
            return current;
        }
        var hops = forwardedFor.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= Math.Max(0, hops.Length - MaxHops); i--)
        {
            if (!TryParseHop(hops[i], out var hop))
            {
                return current; // garbage from a trusted hop: stop at the last address a trusted proxy vouched for
            }
            current = hop;
            if (!trustedProxies.Contains(hop))
            {
                return hop;
            }
        }
        return current;
    }

    /// <summary>An address, optionally with a port (<c>203.0.113.7:51234</c>, <c>[2001:db8::1]:443</c>), as some proxies write it.</summary>
    private static bool TryParseHop(string text, out IPAddress address)
    {
        if (IPAddress.TryParse(text, out var parsed) || (IPEndPoint.TryParse(text, out var endPoint) && (parsed = endPoint.Address) is not null))
        {
            address = IpRangeList.Normalize(parsed);
            return true;
        }
        address = IPAddress.None;
        return false;
    }
}
