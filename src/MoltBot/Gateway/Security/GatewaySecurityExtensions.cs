using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;

namespace MoltBot.Gateway.Security;

/// <summary>The gateway's network and authentication layers: security headers, client address and IP allowlist, auth throttling.</summary>
internal static class GatewaySecurityExtensions
{
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services, GatewayConfig gateway)
    {
        services.AddSingleton(NetworkAccessPolicy.From(gateway));
        services.AddSingleton(sp => new AuthFailureThrottle(gateway.Auth.RateLimit, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GatewayAuthGuard>();
        return services;
    }

    /// <summary>
    /// Runs first. The headers go on before the allowlist so its 403s carry them too (setting headers is no work to speak of);
    /// the allowlist runs before authentication, routing and everything else.
    /// </summary>
    public static IApplicationBuilder UseGatewaySecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<NetworkAccessMiddleware>();
        return app;
    }
}
