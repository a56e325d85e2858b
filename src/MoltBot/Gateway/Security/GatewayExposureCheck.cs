using System.Net;
using MoltBot.Configuration;
using MoltBot.Security;

namespace MoltBot.Gateway.Security;

/// <summary>
/// Refuses to start a gateway reachable from other machines (<c>gateway.bind</c> not loopback) with a missing or weak token:
/// that is how thousands of assistants ended up open on the internet. Loopback keeps working with any token.
/// </summary>
internal static class GatewayExposureCheck
{
    /// <exception cref="ConfigException">The bind is exposed and the token is weak; the message names the keys and the fix, never the token.</exception>
    public static void ThrowIfUnsafe(GatewayConfig gateway, GatewayToken token)
    {
        if (IsLoopbackOnly(gateway.Bind) || TokenStrength.Weakness(token.Value) is not { } weakness)
        {
            return;
        }
        throw new ConfigException([new ConfigIssue("gateway.auth.token", null, null,
            $"gateway.bind is '{gateway.Bind}', which lets other machines reach the gateway, but the gateway token (from {token.Source}) is weak: {weakness}.",
            "Set gateway.auth.token (or MOLTBOT_GATEWAY_TOKEN) to a long random value, e.g. the output of `openssl rand -base64 32`; "
            + "or unset both so MoltBot generates one; or keep gateway.bind at loopback.")]);
    }

    public static bool IsLoopbackOnly(string bind) =>
        bind is "loopback" or "" || (IPAddress.TryParse(bind, out var address) && IPAddress.IsLoopback(address));
}
