using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Agent.Tools.Mcp;
using MoltBot.Channels;
using MoltBot.Channels.RateLimits;
using MoltBot.Configuration;
using MoltBot.Gateway.Security;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Redaction;
using MoltBot.Sessions;

namespace MoltBot.Gateway.Sockets;

/// <summary>
/// WebSocket upgrades on <c>/</c> (the same port and path as the Control UI, as OpenClaw clients expect). Browsers
/// cannot send an Authorization header on a WebSocket, so the token travels in the <c>connect</c> frame; a page from
/// another origin is refused before the upgrade, so a malicious site cannot even try tokens against a local gateway.
/// </summary>
internal static class SocketEndpoint
{
    public static IServiceCollection AddGatewaySockets(this IServiceCollection services)
    {
        services.AddSingleton(_ => new ChatRuns());
        services.AddSingleton(sp => new SocketMethods(
            sp.Get<GatewayAuthGuard>(), sp.Get<AgentRunner>(), sp.Get<AgentCatalog>(), sp.Get<SessionStore>(), sp.All<IChannelStatusSource>(), sp.Get<McpServers>(),
            sp.Get<GatewayReadiness>(), sp.Get<ChatRuns>(), sp.Get<MessageTraffic>(), sp.Get<SenderRateGuard>(), sp.Get<TimeProvider>(),
            sp.Get<IHostApplicationLifetime>(), sp.Get<ISecretRedactor>(), sp.Logger<SocketMethods>()));
        return services;
    }

    public static bool IsSocketRequest(HttpContext context) => context.WebSockets.IsWebSocketRequest && context.Request.Path == "/";

    public static WebApplication UseGatewaySockets(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var allowedOrigins = app.Services.GetRequiredService<MoltBotConfig>().Gateway.ControlUi.AllowedOrigins;
        app.Use((context, next) => IsSocketRequest(context) ? AcceptAsync(context, allowedOrigins) : next(context));
        return app;
    }

    private static async Task AcceptAsync(HttpContext context, IReadOnlyList<string> allowedOrigins)
    {
        if (!OriginAllowed(context.Request, allowedOrigins))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("WebSocket origin not allowed; add it to gateway.controlUi.allowedOrigins.");
            return;
        }
        var services = context.RequestServices;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await using var connection = new SocketConnection(
            socket,
            services.GetRequiredService<SocketMethods>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("MoltBot.Gateway.Sockets"),
            context.Connection.RemoteIpAddress,
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        await connection.RunAsync();
    }

    /// <summary>Non-browser clients send no Origin; browsers must be same-origin or explicitly allowed.</summary>
    internal static bool OriginAllowed(HttpRequest request, IReadOnlyList<string> allowedOrigins)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        if (allowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
