using System.Net;
using System.Net.Sockets;

namespace MoltBot.Gateway.Security;

/// <summary>
/// The key per-address limits are kept under: the IPv4 address, or the IPv6 /64 network (one host usually holds a whole
/// /64, so keying on full IPv6 addresses would let one attacker pose as 2^64 clients).
/// </summary>
internal static class AddressKey
{
    /// <summary>Stands for a client whose address is unknown (not a TCP connection).</summary>
    private static readonly IPAddress Unknown = IPAddress.IPv6None;

    public static IPAddress Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }
        address = IpRangeList.Normalize(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address;
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }

    /// <summary>How an address is written in logs and the audit log.</summary>
    public static string Describe(IPAddress? address) => address is null ? "unknown" : IpRangeList.Normalize(address).ToString();
}
