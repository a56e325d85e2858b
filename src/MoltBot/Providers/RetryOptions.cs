namespace MoltBot.Providers;

/// <summary>How <see cref="RetryingChatClient"/> retries transient failures (429, 5xx, timeouts, connection errors).</summary>
internal sealed record RetryOptions
{
    /// <summary>Total attempts per model, including the first.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Backoff before the second attempt; doubled for each further attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A provider asking to wait longer than this is not retried (the next model is tried instead).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Per attempt: the whole call, or for streaming the wait for the first update.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Returns a value in [0, 1); the backoff is scaled into [50 %, 100 %] of its nominal value.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    public TimeSpan DelayFor(int failedAttempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } requested)
        {
            return requested;
        }
        var nominal = BaseDelay.TotalMilliseconds * Math.Pow(2, failedAttempt - 1);
        var capped = Math.Min(nominal, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Jitter() / 2)));
    }
}
