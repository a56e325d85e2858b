namespace MoltBot.Channels.RateLimits;

/// <summary>Whether one message from a sender may go on to the agent.</summary>
/// <param name="RetryAfter">When the sender gets an allowance back (zero when allowed).</param>
/// <param name="FirstInWindow">The first refusal since the sender was last in good standing: tell them once, then stay quiet.</param>
internal readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter, bool FirstInWindow)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero, false);

    /// <summary>Whole seconds for the notice and <c>Retry-After</c> (at least 1).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    /// <summary>The one polite notice a limited sender receives per limited window.</summary>
    public string Notice => $"You're sending messages faster than I can keep up; I'll pick up again in {RetryAfterSeconds} seconds.";
}
