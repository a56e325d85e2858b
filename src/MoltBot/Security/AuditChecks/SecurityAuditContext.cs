using System.Net;
using MoltBot.Configuration;
using MoltBot.Gateway;

namespace MoltBot.Security.AuditChecks;

/// <summary>What the checks look at: the loaded config (values with provenance) and the environment it came from.</summary>
internal sealed record SecurityAuditContext(LoadedConfig Loaded, IReadOnlyDictionary<string, string?> Environment)
{
    public MoltBotPaths Paths => Loaded.Paths;

    /// <summary>Whether <c>gateway.bind</c> reaches beyond this machine (<c>lan</c>, <c>0.0.0.0</c>, a LAN or public address).</summary>
    public bool GatewayExposed
    {
        get
        {
            try
            {
                return !IPAddress.IsLoopback(GatewayBinding.Resolve(Loaded.Config.Gateway.Bind));
            }
            catch (ArgumentException)
            {
                return true; // unknown: assume the worse
            }
        }
    }
}
