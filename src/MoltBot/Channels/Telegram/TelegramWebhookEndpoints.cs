using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Channels.Telegram.Api;
using MoltBot.Configuration;

namespace MoltBot.Channels.Telegram;

/// <summary>
/// <c>POST /telegram/webhook</c>: exempt from the gateway token (Telegram cannot send it) and guarded instead by the
/// webhook secret in <c>X-Telegram-Bot-Api-Secret-Token</c> (constant-time compare). Answers 200 only after the update
/// is durably accepted, so any failure makes Telegram redeliver.
/// </summary>
internal static class TelegramWebhookEndpoints
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>The one request the gateway auth middleware lets through without the bearer token.</summary>
    public static bool IsWebhook(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var channel = endpoints.ServiceProvider.GetService<TelegramChannel>();
        if (channel is null || !channel.UsesWebhook)
        {
            return endpoints;
        }
        var secret = TelegramWebhookSecret.Resolve(endpoints.ServiceProvider.GetRequiredService<MoltBotConfig>().Channels.Telegram,
            endpoints.ServiceProvider.GetRequiredService<MoltBotPaths>());
        endpoints.MapPost(Path, (HttpRequest request) => ReceiveAsync(request, channel, secret));
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, TelegramChannel channel, string secret)
    {
        if (!TelegramWebhookSecret.Matches(secret, request.Headers[SecretHeader].ToString()))
        {
            return TypedResults.Unauthorized();
        }
        TelegramUpdate? update;
        try
        {
            update = await request.ReadFromJsonAsync(TelegramJsonContext.Default.TelegramUpdate, request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return TypedResults.BadRequest();
        }
        if (update is null)
        {
            return TypedResults.BadRequest();
        }
        return channel.Handle(update) is null ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok();
    }
}
