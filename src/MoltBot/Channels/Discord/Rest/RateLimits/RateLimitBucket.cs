namespace MoltBot.Channels.Discord.Rest.RateLimits;

/// <summary>What Discord last told us about one bucket (bucket hash + major parameter). Guarded by the limiter's lock.</summary>
internal sealed class RateLimitBucket
{
    /// <summary>Requests left before <see cref="ResetAt"/>; null when unknown (then we just send).</summary>
    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }
}
