using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoltBot.Channels.Discord.JsonModels;
using MoltBot.Channels.Discord.Rest.RateLimits;

namespace MoltBot.Channels.Discord.Rest;

/// <summary>
/// The Discord REST calls MoltBot needs, over one <see cref="HttpClient"/>. Every call goes through the
/// <see cref="DiscordRateLimiter"/>; a 429 waits <c>retry_after</c> and retries, a 5xx retries with backoff (both
/// bounded by <see cref="DiscordOptions.RestMaxAttempts"/>), a 401 is a <see cref="DiscordFatalException"/>.
/// The <paramref name="logger"/> should have a <c>MoltBot.Channels.Discord.*</c> category.
/// </summary>
internal sealed class DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider time, ILogger logger)
{
    private const string UserAgent = "DiscordBot (https://github.com/moltbot/moltbot, 1.0)";

    private readonly DiscordRateLimiter _limiter = new(time);
    private readonly string _baseUrl = options.ApiBaseUrl.TrimEnd('/');

    /// <summary>
    /// Posts <paramref name="content"/> (at most 2,000 characters: split first) to a channel. With
    /// <paramref name="replyToMessageId"/> the message is threaded as a reply to it. Mentions in the content never ping
    /// anyone; only the replied-to user is pinged. A <paramref name="nonce"/> (at most 25 characters, e.g. an outbox
    /// row id) is enforced: if a retry reaches Discord after an earlier attempt succeeded, Discord returns that message
    /// instead of posting a duplicate.
    /// </summary>
    public async Task<DiscordSentMessage> CreateMessageAsync(
        string channelId, string content, string? replyToMessageId, string? nonce, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(content.Length, DiscordMessageSplitter.MaxLength, nameof(content));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nonce?.Length ?? 0, 25, nameof(nonce));
        var body = new JsonCreateMessage
        {
            Content = content,
            Nonce = nonce,
            EnforceNonce = nonce is null ? null : true,
            MessageReference = replyToMessageId is null ? null : new JsonMessageReference { MessageId = replyToMessageId, FailIfNotExists = false },
            AllowedMentions = new JsonAllowedMentions { Parse = [], RepliedUser = replyToMessageId is not null },
        };
        using var response = await SendAsync(
            DiscordRoute.CreateMessage(channelId), () => JsonContent.Create(body, DiscordJsonContext.Default.JsonCreateMessage), cancellationToken);
        var message = await ReadAsync(response, DiscordJsonContext.Default.JsonMessage, cancellationToken);
        return new DiscordSentMessage(message.Id, string.IsNullOrEmpty(message.ChannelId) ? channelId : message.ChannelId);
    }

    /// <summary>Shows "MoltBot is typing…" in the channel for about 10 seconds.</summary>
    public async Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.TriggerTyping(channelId), null, cancellationToken);
    }

    /// <summary>The gateway URL to connect to (<c>GET /gateway/bot</c>).</summary>
    public async Task<Uri> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.GatewayBot, null, cancellationToken);
        var gateway = await ReadAsync(response, DiscordJsonContext.Default.JsonGatewayBot, cancellationToken);
        return Uri.TryCreate(gateway.Url, UriKind.Absolute, out var url)
            ? url
            : throw new DiscordRestException($"Discord returned an unusable gateway URL '{gateway.Url}'.");
    }

    /// <summary>The bot's own user (<c>GET /users/@me</c>); also a cheap token check.</summary>
    public async Task<DiscordUser> GetCurrentUserAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.CurrentUser, null, cancellationToken);
        var user = await ReadAsync(response, DiscordJsonContext.Default.JsonUser, cancellationToken);
        return new DiscordUser(user.Id, user.Username, user.Bot ?? false);
    }

    private async Task<HttpResponseMessage> SendAsync(DiscordRoute route, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        using var lane = await _limiter.EnterRouteAsync(route, cancellationToken);
        var maxAttempts = Math.Max(1, options.RestMaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            await _limiter.WaitAsync(route, cancellationToken);
            using var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path) { Content = content?.Invoke() };
            request.Headers.Authorization = new("Bot", options.CurrentToken);
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var headers = RateLimitHeaders.From(response.Headers);
            _limiter.Update(route, headers);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            using (response)
            {
                var error = await ReadErrorAsync(response, cancellationToken);
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    var fatal = DiscordFatalException.TokenRejected("HTTP 401");
                    logger.Fatal(fatal.Message);
                    throw fatal;
                }
                var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
                if (!retryable || attempt >= maxAttempts)
                {
                    throw new DiscordRestException(
                        $"Discord {route.Method.Method} {route.Template} failed with {status}" +
                        (error?.Message is { } message ? $": {message}" : "") + (retryable ? $" (after {attempt} attempts)" : ""),
                        response.StatusCode, error?.Code);
                }
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var retryAfter = error?.RetryAfter is { } seconds and >= 0 ? TimeSpan.FromSeconds(seconds) : headers.RetryAfter ?? TimeSpan.FromSeconds(1);
                    var global = error?.Global == true || headers.Global;
                    logger.RateLimited(route.Key, global ? " (global)" : "", (long)retryAfter.TotalMilliseconds);
                    // The wait itself happens in WaitAsync at the top of the next attempt.
                    _limiter.Block(route, retryAfter, global);
                    continue;
                }
                var delay = options.RestRetryDelay * Math.Pow(2, attempt - 1);
                logger.ServerError(status, route.Key, (long)delay.TotalMilliseconds, attempt);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                ?? throw new DiscordRestException("Discord returned an empty body.");
        }
        catch (JsonException exception)
        {
            throw new DiscordRestException("Discord returned a body that is not the expected JSON.", exception);
        }
    }

    private static async Task<JsonRestError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.JsonRestError, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
