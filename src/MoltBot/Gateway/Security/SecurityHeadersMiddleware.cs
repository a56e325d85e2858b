using Microsoft.AspNetCore.Http;

namespace MoltBot.Gateway.Security;

/// <summary>
/// Browser hardening on every gateway response (API, landing page, the Control UI to come, and the gateway's own 401/403/429):
/// a CSP that allows no inline script or style and no framing, no referrer, no MIME sniffing, and no caching (responses
/// carry session content; an endpoint serving static files may set its own <c>Cache-Control</c>).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.CacheControl = "no-store";
        return next(context);
    }
}
