using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport.Discord;

/// <summary>The REST half: <c>/gateway/bot</c>, <c>/users/@me</c>, create message, typing; 429/5xx injection.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly Lock _restGate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FakeDiscordSentMessage> _sent = [];
    private readonly List<string> _typing = [];
    private readonly List<(string Route, Func<HttpContext, Task> Respond)> _injected = [];
    private readonly Dictionary<string, (string Route, double ResetAfter)> _exhausted = [];

    /// <summary>Every REST request, in arrival order (paths without the <c>/api/v10</c> prefix).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_restGate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<FakeDiscordSentMessage> SentMessages
    {
        get
        {
            lock (_restGate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Channel ids of typing calls, in order.</summary>
    public IReadOnlyList<string> TypingCalls
    {
        get
        {
            lock (_restGate)
            {
                return [.. _typing];
            }
        }
    }

    /// <summary>Counts messages created (a nonce replay does not count).</summary>
    public FakeSignal MessagesSent { get; } = new();

    public FakeSignal TypingReceived { get; } = new();

    /// <summary>
    /// The next REST call matching <paramref name="route"/> (<c>"POST /channels/1/messages"</c> or just the path) gets
    /// a 429 with Discord's body and headers.
    /// </summary>
    public void InjectRateLimit(string route, double retryAfterSeconds, bool global = false) => Inject(route, async context =>
    {
        var retryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = 429;
        context.Response.Headers["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Scope"] = global ? "global" : "user";
        if (global)
        {
            context.Response.Headers["X-RateLimit-Global"] = "true";
        }
        else
        {
            context.Response.Headers["X-RateLimit-Limit"] = "5";
            context.Response.Headers["X-RateLimit-Remaining"] = "0";
            context.Response.Headers["X-RateLimit-Reset-After"] = retryAfter;
            context.Response.Headers["X-RateLimit-Bucket"] = BucketOf(context.Request.Path.Value ?? "");
        }
        await WriteJsonAsync(context, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfterSeconds, ["global"] = global });
    });

    /// <summary>The next <paramref name="times"/> REST calls matching <paramref name="route"/> get <paramref name="status"/>.</summary>
    public void Inject5xx(string route, int status = 502, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Inject(route, async context =>
            {
                context.Response.StatusCode = status;
                await WriteJsonAsync(context, new JsonObject { ["message"] = "upstream trouble", ["code"] = 0 });
            });
        }
    }

    /// <summary>The next successful call matching <paramref name="route"/> says its bucket is empty for <paramref name="resetAfterSeconds"/>.</summary>
    public void InjectBucketExhausted(string route, double resetAfterSeconds)
    {
        lock (_restGate)
        {
            _exhausted[route] = (route, resetAfterSeconds);
        }
    }

    private void Inject(string route, Func<HttpContext, Task> respond)
    {
        lock (_restGate)
        {
            _injected.Add((route, respond));
        }
    }

    private async Task HandleRestAsync(HttpContext context, string path)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }
        var method = context.Request.Method;
        var request = new RecordedRequest(method, path, context.Request.QueryString.Value ?? "", headers, body);
        Func<HttpContext, Task>? injected = null;
        double? exhaustedFor = null;
        lock (_restGate)
        {
            _requests.Add(request);
            var index = _injected.FindIndex(i => Matches(i.Route, method, path));
            if (index >= 0)
            {
                injected = _injected[index].Respond;
                _injected.RemoveAt(index);
            }
            else if (_exhausted.Keys.FirstOrDefault(r => Matches(r, method, path)) is { } exhausted)
            {
                exhaustedFor = _exhausted[exhausted].ResetAfter;
                _exhausted.Remove(exhausted);
            }
        }
        if (injected is not null)
        {
            await injected(context);
            return;
        }
        if (request.Header("Authorization") != "Bot " + Token)
        {
            context.Response.StatusCode = 401;
            await WriteJsonAsync(context, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
            return;
        }
        context.Response.Headers["X-RateLimit-Limit"] = "5";
        context.Response.Headers["X-RateLimit-Remaining"] = exhaustedFor is null ? "4" : "0";
        context.Response.Headers["X-RateLimit-Reset-After"] = (exhaustedFor ?? 1.0).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Bucket"] = BucketOf(path);

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (method, segments)
        {
            case ("GET", ["gateway", "bot"]):
                await WriteJsonAsync(context, new JsonObject
                {
                    ["url"] = GatewayUrl.ToString().TrimEnd('/'),
                    ["shards"] = 1,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 0, ["max_concurrency"] = 1 },
                });
                break;
            case ("GET", ["users", "@me"]):
                await WriteJsonAsync(context, User(BotUserId, BotUsername, bot: true));
                break;
            case ("POST", ["channels", var channelId, "messages"]):
                await CreateMessageAsync(context, channelId, request);
                break;
            case ("POST", ["channels", var channelId, "typing"]):
                lock (_restGate)
                {
                    _typing.Add(channelId);
                }
                TypingReceived.Increment();
                context.Response.StatusCode = 204;
                break;
            default:
                context.Response.StatusCode = 404;
                await WriteJsonAsync(context, new JsonObject { ["message"] = "404: Not Found", ["code"] = 0 });
                break;
        }
    }

    private async Task CreateMessageAsync(HttpContext context, string channelId, RecordedRequest request)
    {
        var json = request.Json;
        var content = json?["content"]?.GetValue<string>() ?? "";
        if (content.Length is 0 or > 2000)
        {
            context.Response.StatusCode = 400;
            await WriteJsonAsync(context, new JsonObject { ["message"] = "Invalid Form Body", ["code"] = 50035 });
            return;
        }
        var nonce = json?["nonce"]?.ToString();
        FakeDiscordSentMessage? message;
        var created = false;
        lock (_restGate)
        {
            message = json?["enforce_nonce"]?.GetValue<bool>() == true && nonce is not null
                ? _sent.Find(m => m.ChannelId == channelId && m.Nonce == nonce)
                : null;
            if (message is null)
            {
                message = new FakeDiscordSentMessage(NextId(), channelId, content, json?["message_reference"]?["message_id"]?.GetValue<string>(), nonce, json);
                _sent.Add(message);
                created = true;
            }
        }
        if (created)
        {
            MessagesSent.Increment();
        }
        await WriteJsonAsync(context, new JsonObject
        {
            ["id"] = message.Id,
            ["channel_id"] = channelId,
            ["content"] = message.Content,
            ["author"] = User(BotUserId, BotUsername, bot: true),
            ["nonce"] = message.Nonce,
        });
    }

    private static bool Matches(string route, string method, string path) =>
        route == path || route == $"{method} {path}";

    /// <summary>A stable fake bucket hash per route shape (ids replaced).</summary>
    private static string BucketOf(string path) =>
        "bucket-" + string.Join('-', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.All(char.IsAsciiDigit) ? "id" : s));

    private static async Task WriteJsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }
}
