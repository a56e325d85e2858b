using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MoltBot.Configuration;

namespace MoltBot.Gateway.Security;

/// <summary>
/// A list of address ranges from config (<c>gateway.allowedIpRanges</c>, <c>gateway.trustedProxies</c>): CIDRs or single
/// addresses, IPv4 or IPv6. IPv4-mapped IPv6 addresses (<c>::ffff:10.0.0.1</c>, what a dual-stack socket reports) match IPv4 ranges.
/// </summary>
internal sealed class IpRangeList
{
    private readonly IPNetwork[] _ranges;

    private IpRangeList(IPNetwork[] ranges) => _ranges = ranges;

    public static IpRangeList Empty { get; } = new([]);

    public bool IsEmpty => _ranges.Length == 0;

    /// <exception cref="ConfigException">An entry is not a range, naming <paramref name="key"/> and the entry.</exception>
    public static IpRangeList Parse(IReadOnlyList<string> entries, string key)
    {
        var ranges = new List<IPNetwork>(entries.Count);
        foreach (var entry in entries)
        {
            if (!TryParseEntry(entry, out var range, out var problem))
            {
                throw new ConfigException([Issue(key, entry, problem, null)]);
            }
            ranges.Add(range);
        }
        return new IpRangeList([.. ranges]);
    }

    public bool Contains(IPAddress address)
    {
        var normalized = Normalize(address);
        foreach (var range in _ranges)
        {
            if (range.Contains(normalized))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The plain IPv4 address for an IPv4-mapped IPv6 one; otherwise unchanged.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Parses <c>10.0.0.0/8</c>, <c>2001:db8::/32</c>, <c>203.0.113.7</c> or <c>::1</c>; <paramref name="problem"/> says what is wrong otherwise.</summary>
    public static bool TryParseEntry(string entry, out IPNetwork range, out string problem)
    {
        range = default;
        var text = entry.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        // IPAddress.TryParse also takes "10" (as 0.0.0.10): demand a dot or colon so typos are caught.
        if (addressText.IndexOfAny(['.', ':']) < 0 || !IPAddress.TryParse(addressText, out var address))
        {
            problem = "is not an IP address or CIDR range";
            return false;
        }
        address = Normalize(address);
        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix))
        {
            problem = $"has a prefix length that is not a number from 0 to {maxPrefix}";
            return false;
        }
        var masked = Mask(address, prefix);
        if (!masked.Equals(address))
        {
            problem = $"has address bits set beyond its /{prefix} prefix (did you mean {masked}/{prefix}?)";
            return false;
        }
        range = new IPNetwork(masked, prefix);
        problem = "";
        return true;
    }

    public static ConfigIssue Issue(string key, string entry, string problem, ConfigValueSource? source) =>
        new(key, source?.Kind == ConfigSourceKind.File ? source.File : null, source?.Kind == ConfigSourceKind.File ? source.Line : null,
            $"'{entry}' {problem}" + (source is null || source.Kind == ConfigSourceKind.File ? "." : $" (from {source})."),
            $"Write each entry of {key} as a CIDR range such as 203.0.113.0/24 or 2001:db8::/48, or a single address such as 203.0.113.7.");

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }
}
