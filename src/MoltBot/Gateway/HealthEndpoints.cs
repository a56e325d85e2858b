using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MoltBot.Gateway;

/// <summary><c>/health</c> (live) and <c>/ready</c> (ready to serve): unauthenticated so platform probes work, and revealing nothing.</summary>
internal static class HealthEndpoints
{
    public static bool IsPublic(PathString path) => IsProbe(path);

    /// <summary>The liveness/readiness probes: answered even to addresses outside <c>gateway.allowedIpRanges</c>, so platform probes work.</summary>
    public static bool IsProbe(PathString path) =>
        path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/ready", StringComparison.OrdinalIgnoreCase) || path.Equals("/readyz", StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", Live);
        endpoints.MapGet("/healthz", Live);
        endpoints.MapGet("/ready", (GatewayReadiness readiness) => Ready(readiness));
        endpoints.MapGet("/readyz", (GatewayReadiness readiness) => Ready(readiness));
        return endpoints;
    }

    private static IResult Live() => Results.Text("""{"ok":true,"status":"live"}""", "application/json");

    private static IResult Ready(GatewayReadiness readiness) => readiness.IsReady
        ? Results.Text("""{"ok":true,"status":"ready"}""", "application/json")
        : Results.Text("""{"ok":false,"status":"starting"}""", "application/json", statusCode: StatusCodes.Status503ServiceUnavailable);
}
