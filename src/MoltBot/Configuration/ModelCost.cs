namespace MoltBot.Configuration;

/// <summary><c>models.providers.*.models[].cost</c>: US dollars per million tokens (OpenClaw's shape).</summary>
internal sealed record ModelCost
{
    public double Input { get; init; }

    public double Output { get; init; }

    /// <summary>Cached input tokens; <see cref="Input"/> when null.</summary>
    public double? CacheRead { get; init; }

    /// <summary>The price of a call, in US dollars.</summary>
    public double Of(long inputTokens, long cachedInputTokens, long outputTokens)
    {
        var cached = Math.Clamp(cachedInputTokens, 0, inputTokens);
        return ((inputTokens - cached) * Input + cached * (CacheRead ?? Input) + outputTokens * Output) / 1_000_000d;
    }
}
