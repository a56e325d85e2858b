using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MoltBot.TestSupport.Discord;

/// <summary>
/// A fake Discord on 127.0.0.1 (random port) speaking the real wire: REST under <c>/api/v10</c> and a gateway v10
/// JSON WebSocket at <c>/gateway</c> (READY's <c>resume_gateway_url</c> points at <c>/resume-gateway</c>).
/// Tests steer it (queue messages, drop or close the socket, inject 429/5xx) and await its <see cref="FakeSignal"/>s.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    public const string BotUserId = "900000000000000001";
    public const string BotUsername = "moltbot-test";

    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private long _nextSnowflake = 1_100_000_000_000_000_000;

    private FakeDiscordServer()
    {
    }

    public Uri RootUrl { get; private set; } = null!;

    /// <summary>The <c>apiBaseUrl</c> to give the client: <c>http://127.0.0.1:PORT/api/v10</c>.</summary>
    public string ApiBaseUrl => RootUrl + "api/v10";

    public Uri GatewayUrl => new($"ws://{RootUrl.Authority}/gateway");

    public Uri ResumeGatewayUrl => new($"ws://{RootUrl.Authority}/resume-gateway");

    /// <summary>The token the fake accepts (REST <c>Authorization: Bot …</c> and IDENTIFY/RESUME).</summary>
    public string Token { get; set; } = "fake-bot-token";

    public static async Task<FakeDiscordServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeDiscordServer();
        var (app, address) = await LoopbackApp.StartAsync(server.HandleAsync, ct, webSockets: true);
        server.RootUrl = new Uri(address + "/");
        server._app = app;
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path is "/gateway" or "/resume-gateway")
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }
            await RunGatewayAsync(context, path);
            return;
        }
        if (path.StartsWith("/api/v10/", StringComparison.Ordinal))
        {
            await HandleRestAsync(context, path["/api/v10".Length..]);
            return;
        }
        context.Response.StatusCode = 404;
    }

    private string NextId() => Interlocked.Increment(ref _nextSnowflake).ToString(CultureInfo.InvariantCulture);

    private static JsonObject User(string id, string username, bool bot) =>
        new() { ["id"] = id, ["username"] = username, ["discriminator"] = "0", ["global_name"] = null, ["bot"] = bot };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        AbortGateway();
        await LoopbackApp.StopAsync(_app);
        _stopping.Dispose();
    }
}
