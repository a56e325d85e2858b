using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MoltBot.Gateway;

/// <summary><c>/health</c> (live), <c>/ready</c> (ready to serve) and the landing page: unauthenticated so platform probes work, and revealing nothing.</summary>
internal static class HealthEndpoints
{
    public static bool IsPublic(PathString path) =>
        path.Equals("/", StringComparison.Ordinal) || path.Equals(LandingCssPath, StringComparison.Ordinal) || IsProbe(path);

    /// <summary>The liveness/readiness probes: answered even to addresses outside <c>gateway.allowedIpRanges</c>, so platform probes work.</summary>
    public static bool IsProbe(PathString path) =>
        path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/ready", StringComparison.OrdinalIgnoreCase) || path.Equals("/readyz", StringComparison.OrdinalIgnoreCase);

    private const string LandingCssPath = "/landing.css";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Text(LandingPage, "text/html; charset=utf-8"));
        endpoints.MapGet(LandingCssPath, () => Results.Text(LandingCss, "text/css; charset=utf-8"));
        endpoints.MapGet("/health", Live);
        endpoints.MapGet("/healthz", Live);
        endpoints.MapGet("/ready", (GatewayReadiness readiness) => Ready(readiness));
        endpoints.MapGet("/readyz", (GatewayReadiness readiness) => Ready(readiness));
        return endpoints;
    }

    // Says nothing about the configuration: it is served without the token. The Control UI replaces it.
    // No inline style or script: the gateway's Content-Security-Policy allows only same-origin files.
    private const string LandingPage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>MoltBot</title><link rel="stylesheet" href="/landing.css"></head>
        <body>
        <h1>MoltBot gateway is running</h1>
        <p>The web Control UI is not part of this build yet. Talk to your assistant with <code>moltbot agent --message "..."</code>,
        check it with <code>moltbot status</code>, or use the OpenAI-compatible API at <code>/v1/chat/completions</code>
        with <code>Authorization: Bearer &lt;gateway token&gt;</code>.</p></body></html>
        """;

    private const string LandingCss = "body{font-family:system-ui;max-width:40em;margin:4em auto;line-height:1.5}\n";

    private static IResult Live() => Results.Text("""{"ok":true,"status":"live"}""", "application/json");

    private static IResult Ready(GatewayReadiness readiness) => readiness.IsReady
        ? Results.Text("""{"ok":true,"status":"ready"}""", "application/json")
        : Results.Text("""{"ok":false,"status":"starting"}""", "application/json", statusCode: StatusCodes.Status503ServiceUnavailable);
}
