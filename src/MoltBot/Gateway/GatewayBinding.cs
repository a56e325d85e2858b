using System.Net;

namespace MoltBot.Gateway;

/// <summary><c>gateway.bind</c>: <c>loopback</c> (default), <c>lan</c> (all interfaces) or an explicit address.</summary>
internal static class GatewayBinding
{
    public static IPAddress Resolve(string bind) => bind switch
    {
        "loopback" or "" => IPAddress.Loopback,
        "lan" => IPAddress.Any,
        _ when IPAddress.TryParse(bind, out var address) => address,
        _ => throw new ArgumentException($"gateway.bind '{bind}' is not 'loopback', 'lan' or an IP address."),
    };
}
