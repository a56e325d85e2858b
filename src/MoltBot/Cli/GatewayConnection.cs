using System.Net.Http.Headers;
using MoltBot.Configuration;

namespace MoltBot.Cli;

/// <summary>How CLI verbs reach the running gateway: 127.0.0.1 on the configured port, with the gateway token.</summary>
internal static class GatewayConnection
{
    /// <summary>An authenticated client, or null (with the reason written to <paramref name="error"/>) when there is no token yet.</summary>
    public static HttpClient? TryCreate(LoadedConfig loaded, TextWriter error)
    {
        var token = loaded.Config.Gateway.Auth.Token?.Value
            ?? (File.Exists(loaded.Paths.TokenPath) ? File.ReadAllText(loaded.Paths.TokenPath).Trim() : null);
        if (token is null)
        {
            error.WriteLine($"No gateway token found (gateway.auth.token, MOLTBOT_GATEWAY_TOKEN or {loaded.Paths.TokenPath}). Start `moltbot gateway` once first.");
            return null;
        }
        var http = new HttpClient { BaseAddress = BaseUri(loaded), Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static Uri BaseUri(LoadedConfig loaded) => new($"http://127.0.0.1:{loaded.Config.Gateway.Port}/");

    public static string Unreachable(LoadedConfig loaded) => $"Cannot reach the gateway at {BaseUri(loaded)}. Start it with `moltbot gateway`.";
}
