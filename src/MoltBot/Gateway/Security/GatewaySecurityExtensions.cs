using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Audit;

namespace MoltBot.Gateway.Security;

/// <summary>The gateway's network and authentication layers: security headers, client address and IP allowlist, auth throttling.</summary>
internal static class GatewaySecurityExtensions
{
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services, GatewayConfig gateway)
    {
        services.AddSingleton(NetworkAccessPolicy.From(gateway));
        services.AddSingleton(sp => new AuthFailureThrottle(gateway.Auth.RateLimit, sp.Get<TimeProvider>()));
        services.AddSingleton(sp => new GatewayAuthGuard(
            sp.Get<GatewayToken>(), sp.Get<AuthFailureThrottle>(), sp.Get<IAuditLog>(), sp.Get<MoltBotMetrics>(), sp.Get<TimeProvider>(), sp.Logger<GatewayAuthGuard>()));
        return services;
    }

    /// <summary>
    /// Runs first. The headers go on before the allowlist so its 403s carry them too (setting headers is no work to speak of);
    /// the allowlist runs before authentication, routing and everything else.
    /// </summary>
    public static IApplicationBuilder UseGatewaySecurity(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        app.Use(next => new SecurityHeadersMiddleware(next).InvokeAsync);
        app.Use(next => new NetworkAccessMiddleware(
            next, services.Get<NetworkAccessPolicy>(), services.Get<IAuditLog>(), services.Get<TimeProvider>(), services.Logger<NetworkAccessMiddleware>()).InvokeAsync);
        return app;
    }
}
