using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Channels.Access;
using MoltBot.Channels.Delivery;
using MoltBot.Channels.Telegram.Api;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Security.Redaction;

namespace MoltBot.Channels.Telegram;

/// <summary>
/// The receiving half of the Telegram adapter. Long polling by default: getUpdates(offset) → dispatcher.Accept → only
/// then offset = update_id + 1 (the next getUpdates call confirms it to Telegram; the offset is also kept on disk).
/// With <c>webhookUrl</c> set it registers the webhook instead and <see cref="TelegramWebhookEndpoints"/> feeds
/// <see cref="Handle"/>. A rejected bot token stops the channel with one clear error, without retrying (until a rotating
/// token reference delivers a new value).
/// </summary>
internal sealed partial class TelegramChannel(
    TelegramBotApiClient api,
    ChannelDispatcher dispatcher,
    TelegramOffsetStore offsets,
    MoltBotConfig config,
    MoltBotPaths paths,
    TimeProvider timeProvider,
    ILogger<TelegramChannel> logger,
    ISecretRedactor redactor) : BackgroundService, IChannelStatusSource
{
    public const int PollTimeoutSeconds = 30;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly TelegramChannelConfig _config = config.Channels.Telegram;
    private readonly DmAccessOptions _dm = new(config.Channels.Telegram.Dm.Policy, config.Channels.Telegram.Dm.AllowFrom);
    private volatile TelegramUser? _bot;
    private volatile bool _connected;
    private volatile bool _stopped;
    private volatile string? _lastError;
    private DateTimeOffset? _lastEventAt; // torn reads are harmless for a status line
    private int _reconnects;

    /// <summary>The bot account, once getMe answered; until then webhook deliveries are refused so Telegram retries.</summary>
    public TelegramUser? Bot => _bot;

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(_config.WebhookUrl);

    public ChannelStatus Snapshot() => new(TelegramSender.Name, _connected, _bot is { } bot ? $"@{bot.Username} ({bot.Id})" : null,
        _lastEventAt, _lastError, Volatile.Read(ref _reconnects), _stopped);

    /// <summary>Maps and accepts one update; null when the channel is not ready (getMe pending). Returns after the message is durably recorded.</summary>
    public DispatchResult? Handle(TelegramUpdate update)
    {
        if (_bot is not { } bot)
        {
            return null;
        }
        _lastEventAt = timeProvider.GetUtcNow();
        if (TelegramUpdateMapper.Map(update, bot, _config) is not { } message)
        {
            return DispatchResult.Denied;
        }
        return dispatcher.Accept(message, _dm);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            await RunAsync(stoppingToken);
        }
        while (_stopped && await TokenRotatedAsync(stoppingToken));
    }

    /// <summary>
    /// After Telegram rejected the token: with a rotating bot token (secret file, Key Vault) waits for the next value
    /// and starts over; with any other token the channel stays stopped.
    /// </summary>
    private async Task<bool> TokenRotatedAsync(CancellationToken stoppingToken)
    {
        if (_config.BotToken is not { Reference.Rotates: true } token)
        {
            return false;
        }
        var rejected = token.Value;
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(SecretValue _) => changed.TrySetResult();
        token.Changed += OnChanged;
        try
        {
            if (token.Value == rejected)
            {
                await changed.Task.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            token.Changed -= OnChanged;
        }
        _stopped = false;
        return true;
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await ConnectAsync(stoppingToken) is not { } bot)
            {
                return;
            }
            _bot = bot;
            LogLoggedIn(logger, bot.Username ?? bot.FirstName ?? "?");
            LogConfigured(logger, _dm.Policy, _dm.AllowFrom.Count == 0 ? "none" : string.Join(", ", _dm.AllowFrom));
            if (UsesWebhook)
            {
                await api.SetWebhookAsync(_config.WebhookUrl!, TelegramWebhookSecret.Resolve(_config, paths), stoppingToken);
                _connected = true;
                LogWebhook(logger, _config.WebhookUrl!);
                return;
            }
            await api.DeleteWebhookAsync(stoppingToken); // getUpdates answers 409 while a webhook is set
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (TelegramApiException ex) when (ex.IsUnauthorized)
        {
            LogTokenRejected(logger, TelegramBotApiClient.RejectedTokenMessage);
            Stop(ex.Description);
        }
    }

    /// <summary>An error's text with the bot token masked: status and logs must never show it.</summary>
    private string Redact(string text) => ChannelErrorText.Redact(text, _config.BotToken?.Value, redactor);

    private void Stop(string error)
    {
        _connected = false;
        _stopped = true;
        _lastError = Redact(error);
    }

    /// <summary>getMe, retried with backoff on network/5xx errors; null (logged once) when the token is rejected.</summary>
    private async Task<TelegramUser?> ConnectAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await api.GetMeAsync(stoppingToken);
            }
            catch (TelegramApiException ex) when (ex.IsUnauthorized)
            {
                LogTokenRejected(logger, TelegramBotApiClient.RejectedTokenMessage);
                Stop(ex.Description);
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var wait = Backoff(failures);
                _lastError = Redact(ex.Message);
                LogConnectFailed(logger, wait.TotalSeconds, _lastError);
                await Task.Delay(wait, timeProvider, stoppingToken);
            }
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var offset = offsets.Load();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<TelegramUpdate> updates;
            try
            {
                updates = await api.GetUpdatesAsync(offset, PollTimeoutSeconds, stoppingToken);
                _connected = true;
                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !(ex is TelegramApiException { IsUnauthorized: true }))
            {
                var wait = Backoff(++failures);
                _connected = false;
                _lastError = Redact(ex.Message);
                Interlocked.Increment(ref _reconnects);
                LogPollFailed(logger, wait.TotalSeconds, _lastError);
                await Task.Delay(wait, timeProvider, stoppingToken);
                continue;
            }
            foreach (var update in updates)
            {
                try
                {
                    Handle(update);
                }
                catch (Exception ex)
                {
                    // Not recorded, so not confirmed: the next getUpdates (after a pause) delivers it again.
                    LogAcceptFailed(logger, update.UpdateId, ex);
                    await Task.Delay(Backoff(++failures), timeProvider, stoppingToken);
                    break;
                }
                offset = update.UpdateId + 1;
                offsets.Save(offset.Value);
            }
        }
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 10) - 1)));

    [LoggerMessage(EventId = 1, EventName = EventNames.TelegramLoggedIn, Level = LogLevel.Information, Message = "logged in as @{Username}")]
    private static partial void LogLoggedIn(ILogger logger, string username);

    [LoggerMessage(EventId = 2, EventName = EventNames.TelegramConfigured, Level = LogLevel.Information,
        Message = "Telegram channel configured: yes (DM policy: {Policy}; DM allowlist: {AllowFrom})")]
    private static partial void LogConfigured(ILogger logger, string policy, string allowFrom);

    [LoggerMessage(EventId = 3, EventName = EventNames.TelegramTokenRejected, Level = LogLevel.Critical, Message = "{Message}; the Telegram channel is stopped")]
    private static partial void LogTokenRejected(ILogger logger, string message);

    [LoggerMessage(EventId = 4, EventName = EventNames.TelegramConnectFailed, Level = LogLevel.Warning, Message = "cannot reach Telegram (retrying in {Seconds}s): {Error}")]
    private static partial void LogConnectFailed(ILogger logger, double seconds, string error);

    [LoggerMessage(EventId = 5, EventName = EventNames.TelegramPollFailed, Level = LogLevel.Warning, Message = "getUpdates failed (retrying in {Seconds}s): {Error}")]
    private static partial void LogPollFailed(ILogger logger, double seconds, string error);

    [LoggerMessage(EventId = 6, EventName = EventNames.TelegramAcceptFailed, Level = LogLevel.Error, Message = "could not record update {UpdateId}; it will be fetched again")]
    private static partial void LogAcceptFailed(ILogger logger, long updateId, Exception exception);

    [LoggerMessage(EventId = 7, EventName = EventNames.TelegramWebhookSet, Level = LogLevel.Information, Message = "receiving updates by webhook at {Url}")]
    private static partial void LogWebhook(ILogger logger, string url);
}
