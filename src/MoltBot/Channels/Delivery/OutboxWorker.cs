using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;

namespace MoltBot.Channels.Delivery;

/// <summary>
/// Sends queued replies through their channel, in order per chat. A failed send (network, 5xx, rate limit) is retried
/// with exponential backoff on the injected clock; after <see cref="MaxAttempts"/> it is given up with a log line.
/// When the gateway stops, no new send starts, but the one in flight may finish for up to <see cref="StopGrace"/>: cut
/// mid-request, it may already have reached the channel and would be sent again after the restart.
/// </summary>
internal sealed partial class OutboxWorker(
    ChannelDeliveryStore delivery, IEnumerable<IChannelSender> senders, TimeProvider timeProvider, ILogger<OutboxWorker> logger, MessageTraffic traffic) : BackgroundService
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>How long a send in flight may go on after the gateway started stopping (on the injected clock).</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Something was queued: send now rather than at the next scheduled retry.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, attempts)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await SendDueAsync(stoppingToken);
            var wait = WaitBeforeNextSend(delivery.NextDue(), timeProvider.GetUtcNow());
            if (wait == TimeSpan.Zero)
            {
                continue;
            }
            using var wakeOrDue = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = wait is { } due ? Task.Delay(due, timeProvider, wakeOrDue.Token) : Task.Delay(Timeout.Infinite, wakeOrDue.Token);
            await Task.WhenAny(_wake.WaitAsync(wakeOrDue.Token), delay);
            await wakeOrDue.CancelAsync();
        }
    }

    /// <summary>
    /// How long to sleep before the next pass: zero when something is already due, null (until woken) when the outbox is
    /// empty. Kept apart from <see cref="TimeSpan"/> sentinels: an infinite wait is negative and once read as "due now",
    /// which made an idle gateway spin a core querying the outbox.
    /// </summary>
    internal static TimeSpan? WaitBeforeNextSend(DateTimeOffset? nextDue, DateTimeOffset now) => nextDue switch
    {
        null => null,
        { } due when due <= now => TimeSpan.Zero,
        { } due => due - now,
    };

    internal async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var blockedChats = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in delivery.DueOutbox())
        {
            var chat = message.Channel + "/" + message.ChatId;
            if (blockedChats.Contains(chat))
            {
                continue; // keep this chat's messages in order behind the one that failed
            }
            if (!_senders.TryGetValue(message.Channel, out var sender))
            {
                delivery.MarkRetry(message.Id, timeProvider.GetUtcNow() + MaxBackoff, $"channel '{message.Channel}' is not running");
                continue;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                return; // stopping: what is not started waits for the next start
            }
            // Not the stopping token itself: stopping only starts the grace period of the send in flight.
            using var sending = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
            using var stopping = cancellationToken.Register(() => sending.CancelAfter(StopGrace));
            try
            {
                await sender.SendAsync(message, sending.Token);
                delivery.MarkSent(message.Id);
                traffic.Replied(message.Channel);
            }
            catch (OperationCanceledException) when (sending.IsCancellationRequested)
            {
                LogSendCutAtStop(logger, message.Channel, message.ChatId, StopGrace.TotalSeconds);
                return; // still pending: the next start sends it
            }
            catch (Exception ex) when (!sending.IsCancellationRequested)
            {
                blockedChats.Add(chat);
                var attempts = message.Attempts + 1;
                var error = ErrorText.OneLine(ex);
                if (attempts >= MaxAttempts)
                {
                    delivery.MarkFailed(message.Id, error);
                    LogGaveUp(logger, message.Channel, message.ChatId, attempts, error);
                }
                else
                {
                    var backoff = Backoff(attempts);
                    delivery.MarkRetry(message.Id, timeProvider.GetUtcNow() + backoff, error);
                    LogRetrying(logger, message.Channel, message.ChatId, attempts, backoff.TotalSeconds, error);
                }
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.OutboxRetrying, Level = LogLevel.Warning,
        Message = "sending to {Channel} chat {ChatId} failed (attempt {Attempts}); retrying in {Seconds}s: {Error}")]
    private static partial void LogRetrying(ILogger logger, string channel, string chatId, int attempts, double seconds, string error);

    [LoggerMessage(EventId = 2, EventName = EventNames.OutboxGaveUp, Level = LogLevel.Error,
        Message = "gave up sending to {Channel} chat {ChatId} after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string channel, string chatId, int attempts, string error);

    [LoggerMessage(EventId = 3, EventName = EventNames.OutboxSendCutAtStop, Level = LogLevel.Warning,
        Message = "a send to {Channel} chat {ChatId} was still running {Seconds}s after stop began; cut, it is sent again at the next start")]
    private static partial void LogSendCutAtStop(ILogger logger, string channel, string chatId, double seconds);
}
