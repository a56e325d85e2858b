namespace MoltBot.Configuration;

/// <summary>
/// <c>channels.&lt;name&gt;.rateLimit</c>: how many messages one sender may send. A token bucket: <see cref="Burst"/> messages
/// at once, then one more every <c>PerSeconds / Messages</c> seconds. The defaults are far above what a person types.
/// </summary>
internal sealed record RateLimitConfig
{
    public const int DefaultMessages = 20;
    public const int DefaultPerSeconds = 60;
    public const int DefaultBurst = 5;

    public bool Enabled { get; init; } = true;

    /// <summary>Messages allowed per <see cref="PerSeconds"/>, sustained.</summary>
    public int Messages { get; init; } = DefaultMessages;

    public int PerSeconds { get; init; } = DefaultPerSeconds;

    /// <summary>Messages a sender may send back to back before the sustained rate applies.</summary>
    public int Burst { get; init; } = DefaultBurst;

    /// <summary>How often one message's allowance comes back.</summary>
    public TimeSpan Period => TimeSpan.FromSeconds((double)PerSeconds / Messages);

    public static RateLimitConfig From(ConfigValues values, string path) => new()
    {
        Enabled = values.GetBoolean(path + ".enabled") ?? true,
        Messages = (int)(values.GetInteger(path + ".messages") ?? DefaultMessages),
        PerSeconds = (int)(values.GetInteger(path + ".perSeconds") ?? DefaultPerSeconds),
        Burst = (int)(values.GetInteger(path + ".burst") ?? DefaultBurst),
    };
}
