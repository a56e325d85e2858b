using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using MoltBot.Gateway.Security;

namespace MoltBot.Gateway;

/// <summary>
/// Every endpoint but the liveness/readiness probes needs <c>Authorization: Bearer &lt;gateway token&gt;</c>.
/// Tokens are never accepted from the query string (they leak into logs and browser history). An address with too
/// many recent failures gets 429 + <c>Retry-After</c> without its token being looked at (<see cref="GatewayAuthGuard"/>).
/// </summary>
internal sealed class GatewayAuthMiddleware(RequestDelegate next, GatewayAuthGuard guard)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The Telegram webhook authenticates with its own secret header (checked by the endpoint, which exists only in webhook mode).
        if (HealthEndpoints.IsPublic(context.Request.Path) || ControlUi.ControlUiEndpoints.IsPublic(context.Request.Path) || Channels.Telegram.TelegramWebhookEndpoints.IsWebhook(context.Request)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null) // e.g. /metrics with gateway.metrics.public
        {
            return next(context);
        }
        var result = guard.Authenticate(context.Connection.RemoteIpAddress, context.Request.Path.Value ?? "/", BearerToken(context.Request));
        switch (result.Outcome)
        {
            case GatewayAuthOutcome.Allowed:
                return next(context);
            case GatewayAuthOutcome.Throttled:
                context.Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return OpenAi.OpenAiErrors.WriteAsync(context.Response, StatusCodes.Status429TooManyRequests,
                    $"Too many failed authentication attempts from this address. Retry after {result.RetryAfterSeconds} s.", "rate_limit_error", "auth_throttled");
            default:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return OpenAi.OpenAiErrors.WriteAsync(context.Response, StatusCodes.Status401Unauthorized,
                    "Missing or wrong gateway token. Send 'Authorization: Bearer <token>'; the token is in gateway.auth.token, MOLTBOT_GATEWAY_TOKEN or <state>/gateway.token.",
                    "authentication_error");
        }
    }

    private static ReadOnlySpan<char> BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header.AsSpan(Prefix.Length).Trim() : [];
    }
}
