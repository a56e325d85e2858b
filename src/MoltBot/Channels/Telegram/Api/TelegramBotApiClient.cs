using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MoltBot.Channels.Telegram.Api;

/// <summary>
/// A small Telegram Bot API client over <see cref="HttpClient"/> (<c>{apiRoot}/bot{token}/{method}</c>, JSON bodies).
/// We do not use the Telegram.Bot package: it produces IL2104/IL3053 trim/AOT warnings, and the gateway publishes as
/// Native AOT with zero warnings; the handful of methods we need fit in this class and a source-generated
/// <see cref="TelegramJsonContext"/>. The bot token sits in the URL path, so no exception or log line built here
/// contains the request URL. A 429 is retried after Telegram's <c>retry_after</c> on the injected clock (bounded).
/// </summary>
internal sealed class TelegramBotApiClient : IDisposable
{
    public const string RejectedTokenMessage = "Telegram rejected the bot token: check channels.telegram.botToken / TELEGRAM_BOT_TOKEN";

    /// <summary>Waits longer than this are not slept through here; the caller's own retry (outbox, poll loop) takes over.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    public const int MaxRateLimitRetries = 3;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly string _apiRoot;
    private readonly Func<string> _botToken;
    private readonly TimeProvider _timeProvider;

    public TelegramBotApiClient(string apiRoot, string botToken, TimeProvider timeProvider, HttpMessageHandler? handler = null)
        : this(apiRoot, () => botToken, timeProvider, handler)
    {
    }

    /// <param name="botToken">Read at every request, so a rotated token is used by the next call.</param>
    public TelegramBotApiClient(string apiRoot, Func<string> botToken, TimeProvider timeProvider, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan; // per call, below: long polls outlive any fixed client timeout
        _apiRoot = apiRoot.TrimEnd('/');
        _botToken = botToken;
        _timeProvider = timeProvider;
    }

    public Task<TelegramUser> GetMeAsync(CancellationToken cancellationToken) =>
        CallAsync<TelegramUser>("getMe", () => null, TelegramJsonContext.Default.TelegramResponseTelegramUser, RequestTimeout, cancellationToken);

    public Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken) =>
        CallAsync("getUpdates", () => JsonContent.Create(new GetUpdatesRequest { Offset = offset, Timeout = timeoutSeconds }, TelegramJsonContext.Default.GetUpdatesRequest),
            TelegramJsonContext.Default.TelegramResponseIReadOnlyListTelegramUpdate, RequestTimeout + TimeSpan.FromSeconds(timeoutSeconds), cancellationToken);

    public Task<TelegramMessage> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken) =>
        CallAsync("sendMessage", () => JsonContent.Create(request, TelegramJsonContext.Default.SendMessageRequest),
            TelegramJsonContext.Default.TelegramResponseTelegramMessage, RequestTimeout, cancellationToken);

    public Task<bool> SendChatActionAsync(long chatId, CancellationToken cancellationToken) =>
        CallAsync("sendChatAction", () => JsonContent.Create(new SendChatActionRequest { ChatId = chatId }, TelegramJsonContext.Default.SendChatActionRequest),
            TelegramJsonContext.Default.TelegramResponseBoolean, RequestTimeout, cancellationToken);

    public Task<bool> SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken) =>
        CallAsync("setWebhook", () => JsonContent.Create(new SetWebhookRequest { Url = url, SecretToken = secretToken }, TelegramJsonContext.Default.SetWebhookRequest),
            TelegramJsonContext.Default.TelegramResponseBoolean, RequestTimeout, cancellationToken);

    public Task<bool> DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync("deleteWebhook", () => JsonContent.Create(new DeleteWebhookRequest(), TelegramJsonContext.Default.DeleteWebhookRequest),
            TelegramJsonContext.Default.TelegramResponseBoolean, RequestTimeout, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<T> CallAsync<T>(string method, Func<HttpContent?> content,
        JsonTypeInfo<TelegramResponse<T>> responseInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await CallOnceAsync(method, content(), responseInfo, timeout, cancellationToken);
            }
            catch (TelegramApiException ex) when (ex.RetryAfter is { } wait && wait <= MaxRetryAfter && attempt < MaxRateLimitRetries)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }
        }
    }

    private async Task<T> CallOnceAsync<T>(string method, HttpContent? content,
        JsonTypeInfo<TelegramResponse<T>> responseInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(new Uri(_apiRoot + "/bot" + _botToken() + "/" + method), content, linked.Token);
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Telegram {method} timed out after {timeout.TotalSeconds:0}s");
        }
        catch (HttpRequestException ex)
        {
            // The handler's message names host and port at most; rethrown without the inner exception to be sure.
            throw new HttpRequestException($"Telegram {method} failed: {ex.HttpRequestError}", null, ex.StatusCode);
        }

        using (response)
        {
            TelegramResponse<T>? envelope;
            try
            {
                envelope = await response.Content.ReadFromJsonAsync(responseInfo, linked.Token);
            }
            catch (JsonException)
            {
                envelope = null;
            }
            if (envelope is { Ok: true, Result: { } result })
            {
                return result;
            }
            var code = envelope?.ErrorCode ?? (int)response.StatusCode;
            if (code == 401)
            {
                throw new TelegramApiException(method, code, RejectedTokenMessage);
            }
            var retryAfter = envelope?.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            throw new TelegramApiException(method, code, envelope?.Description ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", retryAfter);
        }
    }
}
