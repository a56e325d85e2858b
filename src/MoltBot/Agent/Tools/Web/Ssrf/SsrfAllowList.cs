using System.Globalization;
using System.Net;

namespace MoltBot.Agent.Tools.Web.Ssrf;

/// <summary>
/// <c>tools.web.allowPrivate</c>: the private destinations the owner allows anyway. An entry is a host name or IP
/// (<c>nas.local</c>, <c>10.0.0.5</c>), either with a port (<c>127.0.0.1:8080</c>, <c>[::1]:8080</c>) that then must
/// match too, or a CIDR (<c>192.168.1.0/24</c>).
/// </summary>
internal sealed class SsrfAllowList
{
    private readonly List<IPNetwork> _networks = [];
    private readonly List<(IPAddress Address, int? Port)> _addresses = [];
    private readonly List<(string Host, int? Port)> _hosts = [];

    public SsrfAllowList(IEnumerable<string> entries)
    {
        foreach (var raw in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (raw.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(raw, out var network))
            {
                _networks.Add(network);
                continue;
            }
            var (host, port) = SplitPort(raw);
            if (IPAddress.TryParse(host, out var address))
            {
                _addresses.Add((SsrfAddressRules.Unwrap(address), port));
            }
            else
            {
                _hosts.Add((host.ToLowerInvariant(), port));
            }
        }
    }

    public bool IsEmpty => _networks.Count == 0 && _addresses.Count == 0 && _hosts.Count == 0;

    /// <param name="host">The host as written in the URL (a name or an IP literal, without brackets).</param>
    public bool Allows(string host, int port, IPAddress address)
    {
        var unwrapped = SsrfAddressRules.Unwrap(address);
        if (_networks.Any(n => n.BaseAddress.AddressFamily == unwrapped.AddressFamily && n.Contains(unwrapped)))
        {
            return true;
        }
        if (_addresses.Any(a => a.Address.Equals(unwrapped) && (a.Port is null || a.Port == port)))
        {
            return true;
        }
        var name = host.ToLowerInvariant();
        return _hosts.Any(h => h.Host == name && (h.Port is null || h.Port == port));
    }

    private static (string Host, int? Port) SplitPort(string entry)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            var host = close > 0 ? entry[1..close] : entry.Trim('[', ']');
            return (host, close > 0 && close + 1 < entry.Length && entry[close + 1] == ':' ? ParsePort(entry[(close + 2)..]) : null);
        }
        var colon = entry.LastIndexOf(':');
        // More than one colon without brackets is a bare IPv6 address, not host:port.
        if (colon > 0 && entry.IndexOf(':', StringComparison.Ordinal) == colon && ParsePort(entry[(colon + 1)..]) is { } port)
        {
            return (entry[..colon], port);
        }
        return (entry, null);
    }

    private static int? ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;
}
