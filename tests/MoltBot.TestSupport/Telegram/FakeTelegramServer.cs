using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MoltBot.TestSupport.Telegram;

/// <summary>
/// A Telegram Bot API on 127.0.0.1 (random port) speaking the real wire format at <c>/bot{token}/{method}</c>: getMe,
/// long-poll getUpdates with offset semantics (ids below the offset are confirmed and dropped), sendMessage,
/// sendChatAction, setWebhook, deleteWebhook. A wrong token gets 401. Test controls queue updates, inject failures,
/// and await what the bot sent.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const long BotId = 900_001;
    public const string BotUsername = "molt_test_bot";

    private readonly Lock _gate = new();
    private readonly List<JsonObject> _pending = [];
    private readonly List<TelegramSentMessage> _sent = [];
    private readonly List<(long ChatId, string Action)> _actions = [];
    private readonly List<string> _calls = [];
    private readonly List<long?> _pollOffsets = [];
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _queued = NewSignal();
    private WebApplication? _app;
    private long _nextUpdateId = 10_000;
    private long _nextMessageId = 1;
    private long _confirmedOffset;
    private int _rejectEntities;
    private int _rateLimitSeconds;
    private int _serverErrors;
    private int _echoingPollErrors;

    private FakeTelegramServer(string token) => Token = token;

    public string Token { get; }

    /// <summary>What <c>channels.telegram.apiRoot</c> should be.</summary>
    public string ApiRoot { get; private set; } = "";

    /// <summary>The highest offset a getUpdates call confirmed (every update below it is gone).</summary>
    public long ConfirmedOffset
    {
        get
        {
            lock (_gate)
            {
                return _confirmedOffset;
            }
        }
    }

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    public IReadOnlyList<TelegramSentMessage> SentMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<(long ChatId, string Action)> ChatActions
    {
        get
        {
            lock (_gate)
            {
                return [.. _actions];
            }
        }
    }

    /// <summary>Every method called, in order (including failed and unauthorised calls).</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The <c>offset</c> of every getUpdates call, in order (null when none was sent).</summary>
    public IReadOnlyList<long?> PollOffsets
    {
        get
        {
            lock (_gate)
            {
                return [.. _pollOffsets];
            }
        }
    }

    public static async Task<FakeTelegramServer> StartAsync(string token = "123456:TEST-token_abc", CancellationToken ct = default)
    {
        var server = new FakeTelegramServer(token);
        var (app, address) = await LoopbackApp.StartAsync(server.HandleAsync, ct);
        server.ApiRoot = address;
        server._app = app;
        return server;
    }

    /// <summary>A private chat message from <paramref name="userId"/> (the chat id equals the user id, as in Telegram). Returns its message_id.</summary>
    public long QueuePrivateMessage(long userId, string text) => Queue(PrivateMessageUpdate(userId, text));

    /// <summary>A group message; <paramref name="replyToBot"/> makes it a reply to a message the bot sent.</summary>
    public long QueueGroupMessage(long chatId, long userId, string text, bool replyToBot = false) =>
        Queue(GroupMessageUpdate(chatId, userId, text, replyToBot));

    /// <summary>Queues an update built by <see cref="PrivateMessageUpdate"/>/<see cref="GroupMessageUpdate"/> again (a redelivery).</summary>
    public long Queue(JsonObject update)
    {
        lock (_gate)
        {
            _pending.Add(update);
            _queued.TrySetResult();
            _queued = NewSignal();
        }
        return update["message"]!["message_id"]!.GetValue<long>();
    }

    public JsonObject PrivateMessageUpdate(long userId, string text) =>
        Update(new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "User" }, userId, text, replyToBot: false);

    public JsonObject GroupMessageUpdate(long chatId, long userId, string text, bool replyToBot = false) =>
        Update(new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Test group" }, userId, text, replyToBot);

    /// <summary>The next sendMessage with a parse_mode fails with 400 "can't parse entities".</summary>
    public void RejectEntitiesOnce() => Interlocked.Increment(ref _rejectEntities);

    /// <summary>The next sendMessage gets 429 with <c>parameters.retry_after</c>.</summary>
    public void InjectRateLimit(int retryAfterSeconds) => Interlocked.Exchange(ref _rateLimitSeconds, retryAfterSeconds);

    /// <summary>The next sendMessage gets a 500.</summary>
    public void Inject5xx() => Interlocked.Increment(ref _serverErrors);

    /// <summary>The next getUpdates fails with 502 and a description that echoes the request path (and so the bot token), as some proxies do.</summary>
    public void InjectEchoingPollError() => Interlocked.Increment(ref _echoingPollErrors);

    public Task WaitForSentAsync(int count, CancellationToken ct = default) => WaitUntilAsync(() => _sent.Count >= count, ct);

    public Task WaitForChatActionAsync(int count, CancellationToken ct = default) => WaitUntilAsync(() => _actions.Count >= count, ct);

    public Task WaitForCallAsync(string method, int count = 1, CancellationToken ct = default) =>
        WaitUntilAsync(() => _calls.Count(c => c == method) >= count, ct);

    /// <summary>Resolves once getUpdates confirmed every id below <paramref name="offset"/>.</summary>
    public Task WaitForConfirmedAsync(long offset, CancellationToken ct = default) => WaitUntilAsync(() => _confirmedOffset >= offset, ct);

    /// <summary>Plays Telegram delivering <paramref name="update"/> to a webhook, with the secret header when given.</summary>
    public static async Task<HttpResponseMessage> PostWebhookAsync(Uri url, string? secret, JsonObject update, CancellationToken ct = default)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return await http.SendAsync(request, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await LoopbackApp.StopAsync(_app);
        _stopping.Dispose();
    }

    private JsonObject Update(JsonObject chat, long userId, string text, bool replyToBot)
    {
        lock (_gate)
        {
            var message = new JsonObject
            {
                ["message_id"] = _nextMessageId++,
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "User" + userId },
                ["chat"] = chat,
                ["date"] = 1_764_000_000,
                ["text"] = text,
            };
            if (replyToBot)
            {
                message["reply_to_message"] = new JsonObject
                {
                    ["message_id"] = _nextMessageId++,
                    ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Molt", ["username"] = BotUsername },
                    ["chat"] = chat.DeepClone(),
                    ["date"] = 1_764_000_000,
                    ["text"] = "an earlier answer",
                };
            }
            return new JsonObject { ["update_id"] = _nextUpdateId++, ["message"] = message };
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var match = MethodPath().Match(context.Request.Path.Value ?? "");
        if (!match.Success)
        {
            await WriteAsync(context, 404, Error(404, "Not Found"));
            return;
        }
        var method = match.Groups[2].Value;
        Record(() => _calls.Add(method));
        if (match.Groups[1].Value != Token)
        {
            await WriteAsync(context, 401, Error(401, "Unauthorized"));
            return;
        }
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();

        switch (method)
        {
            case "getMe":
                await WriteOkAsync(context, new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Molt", ["username"] = BotUsername });
                return;
            case "getUpdates" when TryTake(ref _echoingPollErrors):
                await WriteAsync(context, 502, Error(502, $"Bad Gateway: no upstream for POST {context.Request.Path}"));
                return;
            case "getUpdates":
                await WriteOkAsync(context, await GetUpdatesAsync(body, context.RequestAborted));
                return;
            case "sendMessage":
                await SendMessageAsync(context, body);
                return;
            case "sendChatAction":
                Record(() => _actions.Add((body["chat_id"]!.GetValue<long>(), body["action"]!.GetValue<string>())));
                await WriteOkAsync(context, true);
                return;
            case "setWebhook":
                WebhookUrl = body["url"]?.GetValue<string>();
                WebhookSecret = body["secret_token"]?.GetValue<string>();
                await WriteOkAsync(context, true);
                return;
            case "deleteWebhook":
                WebhookUrl = null;
                await WriteOkAsync(context, true);
                return;
            default:
                await WriteAsync(context, 404, Error(404, "Not Found: method not found"));
                return;
        }
    }

    private async Task<JsonArray> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = body["offset"]?.GetValue<long>();
        var timeout = TimeSpan.FromSeconds(body["timeout"]?.GetValue<int>() ?? 0);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        Task queued;
        lock (_gate)
        {
            _pollOffsets.Add(offset);
            if (offset is { } confirmed)
            {
                _pending.RemoveAll(u => u["update_id"]!.GetValue<long>() < confirmed);
                _confirmedOffset = Math.Max(_confirmedOffset, confirmed);
                Notify();
            }
            if (_pending.Count > 0 || timeout <= TimeSpan.Zero)
            {
                return [.. _pending.Select(u => u.DeepClone())];
            }
            queued = _queued.Task;
        }
        try
        {
            await Task.WhenAny(queued, Task.Delay(timeout, linked.Token));
        }
        catch (OperationCanceledException)
        {
            // The poller went away.
        }
        lock (_gate)
        {
            return [.. _pending.Select(u => u.DeepClone())];
        }
    }

    private async Task SendMessageAsync(HttpContext context, JsonObject body)
    {
        var parseMode = body["parse_mode"]?.GetValue<string>();
        var text = body["text"]?.GetValue<string>() ?? "";
        if (Interlocked.Exchange(ref _rateLimitSeconds, 0) is var retryAfter and > 0)
        {
            var error = Error(429, $"Too Many Requests: retry after {retryAfter}");
            error["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
            await WriteAsync(context, 429, error);
            return;
        }
        if (TryTake(ref _serverErrors))
        {
            await WriteAsync(context, 500, Error(500, "Internal Server Error"));
            return;
        }
        if (parseMode is not null && TryTake(ref _rejectEntities))
        {
            await WriteAsync(context, 400, Error(400, "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 3"));
            return;
        }
        if (text.Length == 0 || VisibleLength(text, parseMode) > 4096)
        {
            await WriteAsync(context, 400, Error(400, text.Length == 0 ? "Bad Request: message text is empty" : "Bad Request: message is too long"));
            return;
        }
        var chatId = body["chat_id"]!.GetValue<long>();
        var replyTo = body["reply_parameters"]?["message_id"]?.GetValue<long>();
        long messageId;
        lock (_gate)
        {
            messageId = _nextMessageId++;
            _sent.Add(new TelegramSentMessage(chatId, text, parseMode, replyTo));
            Notify();
        }
        await WriteOkAsync(context, new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Molt", ["username"] = BotUsername },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
            ["date"] = 1_764_000_000,
            ["text"] = text,
        });
    }

    private static int VisibleLength(string text, string? parseMode) => parseMode == "HTML"
        ? System.Net.WebUtility.HtmlDecode(HtmlTag().Replace(text, "")).Length
        : text.Length;

    private static bool TryTake(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private Task WaitUntilAsync(Func<bool> done, CancellationToken ct)
    {
        lock (_gate)
        {
            if (done())
            {
                return Task.CompletedTask;
            }
            var signal = NewSignal();
            _waiters.Add((done, signal));
            return signal.Task.WaitAsync(ct);
        }
    }

    private void Record(Action change)
    {
        lock (_gate)
        {
            change();
            Notify();
        }
    }

    /// <summary>Releases waiters whose condition now holds; call with <see cref="_gate"/> held.</summary>
    private void Notify()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Done())
            {
                _waiters[i].Signal.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static JsonObject Error(int code, string description) =>
        new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private static Task WriteOkAsync(HttpContext context, JsonNode result) =>
        WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    [GeneratedRegex(@"^/bot([^/]+)/(\w+)$")]
    private static partial Regex MethodPath();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();
}
