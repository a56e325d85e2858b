using MoltBot.Configuration;

namespace MoltBot.Channels.RateLimits;

/// <summary>The per-sender limiters of every channel (<c>channels.&lt;name&gt;.rateLimit</c>), by channel name.</summary>
internal sealed class ChannelRateLimits : IDisposable
{
    public const string WebChat = "webchat";

    private readonly Dictionary<string, SenderRateLimiter> _limiters;

    public ChannelRateLimits(MoltBotConfig config, TimeProvider time)
    {
        _limiters = new Dictionary<string, SenderRateLimiter>(StringComparer.Ordinal)
        {
            [Discord.DiscordInboundFilter.Channel] = new(config.Channels.Discord.RateLimit, time),
            [Telegram.TelegramSender.Name] = new(config.Channels.Telegram.RateLimit, time),
            [WebChat] = new(config.Channels.WebChat.RateLimit, time),
        };
    }

    /// <summary>One message from <paramref name="senderKey"/> on <paramref name="channel"/>; channels without a limiter are not limited.</summary>
    public RateLimitDecision TryAcquire(string channel, string senderKey) =>
        _limiters.TryGetValue(channel, out var limiter) ? limiter.TryAcquire(senderKey) : RateLimitDecision.Allow;

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
