using Microsoft.AspNetCore.Http;

namespace MoltBot.Gateway;

/// <summary>
/// Every endpoint but the liveness/readiness probes needs <c>Authorization: Bearer &lt;gateway token&gt;</c>.
/// Tokens are never accepted from the query string (they leak into logs and browser history).
/// </summary>
internal sealed class GatewayAuthMiddleware(RequestDelegate next, GatewayToken token)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The Telegram webhook authenticates with its own secret header (checked by the endpoint, which exists only in webhook mode).
        if (HealthEndpoints.IsPublic(context.Request.Path) || ControlUi.ControlUiEndpoints.IsPublic(context.Request.Path) || Channels.Telegram.TelegramWebhookEndpoints.IsWebhook(context.Request) || IsAuthorized(context.Request))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return OpenAi.OpenAiErrors.WriteAsync(context.Response, StatusCodes.Status401Unauthorized,
            "Missing or wrong gateway token. Send 'Authorization: Bearer <token>'; the token is in gateway.auth.token, MOLTBOT_GATEWAY_TOKEN or <state>/gateway.token.",
            "authentication_error");
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && token.Matches(header.AsSpan(Prefix.Length).Trim());
    }
}
